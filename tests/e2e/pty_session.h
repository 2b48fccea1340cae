// Drives a real binary through a pseudo-terminal, as a person at a terminal
// would: type bytes, wait (with a timeout) until expected text appears on
// the screen, wait for the exit. Assertions look at the output with escape
// codes stripped; the raw bytes stay available for "no escape codes" checks.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "process.h"

namespace newsdex::e2e {

// Without ANSI escape sequences (CSI, OSC, two-byte ESC x) and carriage returns.
std::string strip_escapes(std::string_view raw);

class PtySession {
public:
    static constexpr std::chrono::seconds kTimeout{10};

    // Starts argv on a new pseudo-terminal of cols x rows; options.env is
    // applied as by run() (TERM, HOME and XDG_STATE_HOME are the caller's to set).
    PtySession(const std::vector<std::string>& argv, const RunOptions& options, unsigned short cols = 100,
               unsigned short rows = 40);
    ~PtySession();  // kills the child if it still runs
    PtySession(const PtySession&) = delete;
    PtySession& operator=(const PtySession&) = delete;

    void send(std::string_view bytes);
    // Reads until `text` appears in the stripped output after what earlier
    // expects consumed; consumes through it. False on timeout or end of output.
    bool expect(std::string_view text, std::chrono::milliseconds timeout = kTimeout);
    // Waits until the program reads keys one by one (the terminal is out of
    // canonical mode, as line editors set it): keys typed earlier would be
    // echoed and buffered by the terminal driver instead, and a Ctrl-D taken
    // as its end-of-file. False on timeout.
    bool wait_for_raw_mode(std::chrono::milliseconds timeout = kTimeout);
    // Whether the terminal is as a shell leaves it for the next program:
    // canonical input, echo, output processing (a program that ends with it
    // raw leaves the user typing blind, lines staircased).
    bool terminal_echoes() const;
    // The stripped output not consumed yet, after reading what is there now.
    std::string pending();
    // Waits for the child to exit; its status (as run() reports it), or -1 on timeout.
    int wait(std::chrono::milliseconds timeout = kTimeout);

    std::string raw() const { return raw_; }
    std::string screen() const { return strip_escapes(raw_); }
    // For failure messages: the command and the whole screen.
    std::string describe() const;

private:
    bool read_some(std::chrono::milliseconds timeout);  // false at end of output

    pid_t pid_ = -1;
    int master_ = -1;
    int status_ = -1;
    std::string raw_;
    std::size_t consumed_ = 0;  // in screen()
    std::string command_;
};

}  // namespace newsdex::e2e
