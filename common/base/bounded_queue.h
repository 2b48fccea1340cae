// A bounded, blocking queue for handing work from one thread to another in
// order (the indexer's reading-and-analysing thread feeds its writing
// thread). push() blocks while the queue is full; pop() blocks while it is
// empty and returns nothing once the queue is closed and drained. After
// close(), push() drops the item and returns false, so a producer whose
// consumer has failed runs to its end quickly.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace newsdex {

template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

    bool push(T item) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
        if (closed_) return false;
        items_.push_back(std::move(item));
        not_empty_.notify_one();
        return true;
    }

    std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
        if (items_.empty()) return std::nullopt;
        T item = std::move(items_.front());
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }

    // The next item if one is queued now; never waits.
    std::optional<T> try_pop() {
        std::lock_guard lock(mutex_);
        if (items_.empty()) return std::nullopt;
        T item = std::move(items_.front());
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }

    // pop(), giving up (nothing) as soon as `stop()` is true, checked every
    // 50 ms: a signal handler can set a flag but not wake a condition.
    template <typename Stop>
    std::optional<T> pop_unless(Stop stop) {
        std::unique_lock lock(mutex_);
        while (!closed_ && items_.empty()) {
            if (stop()) return std::nullopt;
            not_empty_.wait_for(lock, std::chrono::milliseconds(50));
        }
        if (items_.empty()) return std::nullopt;
        T item = std::move(items_.front());
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }

    bool closed() {
        std::lock_guard lock(mutex_);
        return closed_;
    }

    // No more pushes. Items already queued can still be popped.
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_all();
        not_full_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable not_empty_, not_full_;
    std::deque<T> items_;
    std::size_t capacity_;
    bool closed_ = false;
};

}  // namespace newsdex
