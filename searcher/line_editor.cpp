#include "searcher/line_editor.h"

#include <histedit.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <langinfo.h>

#include "common/cli/cli.h"

namespace newsdex {

namespace {

class PipedLines : public LineSource {
public:
    explicit PipedLines(std::istream& in) : in_(in) {}
    std::optional<std::string> next() override {
        std::string line;
        if (!std::getline(in_, line)) return std::nullopt;
        if (line.ends_with('\r')) line.pop_back();
        return line;
    }

private:
    std::istream& in_;
};

// Ctrl-C abandons the line being typed instead of ending the shell: the
// handler does nothing, so libedit's read fails with EINTR and el_gets
// returns; the shell then prompts again.
void ignore_interrupt(int) {}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class EditedLines : public LineSource {
public:
    EditedLines(const std::string& program, std::string prompt, std::string history_path, CompleteFunction complete,
                std::ostream& warnings)
        : program_(program), prompt_(std::move(prompt)), history_path_(std::move(history_path)),
          complete_(std::move(complete)), warnings_(warnings) {
        // libedit reads and edits characters in the locale's encoding: UTF-8.
        std::setlocale(LC_CTYPE, "");
        if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
        out_ = cli::stdout_is_terminal() ? stdout : stderr;
        el_ = el_init(program_.c_str(), stdin, out_, stderr);
        history_ = history_init();
        history(history_, &event_, H_SETSIZE, 1000);
        history(history_, &event_, H_SETUNIQUE, 1);
        if (!history_path_.empty()) history(history_, &event_, H_LOAD, history_path_.c_str());  // none yet: fine
        el_set(el_, EL_CLIENTDATA, this);
        el_set(el_, EL_EDITOR, "emacs");
        el_set(el_, EL_SIGNAL, 1);
        el_set(el_, EL_PROMPT, &EditedLines::prompt_of);
        el_set(el_, EL_HIST, history, history_);
        el_set(el_, EL_ADDFN, "newsdex-complete", "complete a command, field or name", &EditedLines::complete_at);
        el_set(el_, EL_BIND, "^I", "newsdex-complete", nullptr);
        el_source(el_, nullptr);  // the user's ~/.editrc, if any
        struct sigaction action {};
        action.sa_handler = ignore_interrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &previous_interrupt_);
    }
    ~EditedLines() override {
        sigaction(SIGINT, &previous_interrupt_, nullptr);
        el_end(el_);
        history_end(history_);
    }
    EditedLines(const EditedLines&) = delete;
    EditedLines& operator=(const EditedLines&) = delete;

    std::optional<std::string> next() override {
        for (;;) {
            std::fflush(stdout);
            int count = 0;
            errno = 0;
            const char* got = el_gets(el_, &count);
            if (!got && count == -1 && errno == EINTR) {  // Ctrl-C: a fresh line
                std::fputc('\n', out_);
                continue;
            }
            if (!got || count <= 0) {  // Ctrl-D
                std::fputc('\n', out_);
                return std::nullopt;
            }
            std::string line(got, static_cast<std::size_t>(count));
            while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
            if (const auto end = line.find_last_not_of(" \t"); end != std::string::npos)
                remember(line.substr(0, end + 1));
            return line;
        }
    }

private:
    static EditedLines* self(EditLine* el) {
        void* data = nullptr;
        el_get(el, EL_CLIENTDATA, &data);
        return static_cast<EditedLines*>(data);
    }
    static char* prompt_of(EditLine* el) { return self(el)->prompt_.data(); }

    static unsigned char complete_at(EditLine* el, int) {
        EditedLines& me = *self(el);
        const LineInfo* info = el_line(el);
        const std::string_view before(info->buffer, static_cast<std::size_t>(info->cursor - info->buffer));
        const Completion c = me.complete_(before);
        if (c.candidates.empty()) return CC_REFRESH_BEEP;
        if (!c.replacement.empty()) {
            el_deletestr(el, static_cast<int>(code_points(before.substr(c.start))));
            el_insertstr(el, c.replacement.c_str());
            if (c.finished) el_insertstr(el, " ");
        }
        if (c.candidates.size() == 1) return CC_REFRESH;
        me.list(c.candidates);
        return CC_REDISPLAY;
    }

    // The candidates in columns under the line, as shells list them.
    void list(const std::vector<std::string>& candidates) {
        std::size_t widest = 0;
        for (const auto& c : candidates) widest = std::max(widest, code_points(c));
        const std::size_t columns = std::max<std::size_t>(1, cli::terminal_width() / (widest + 2));
        std::string text = "\n";
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            text += candidates[k];
            const bool last_in_row = (k + 1) % columns == 0 || k + 1 == candidates.size();
            text += last_in_row ? "\n" : std::string(widest + 2 - code_points(candidates[k]), ' ');
        }
        std::fputs(text.c_str(), out_);
    }

    void remember(const std::string& line) {
        history(history_, &event_, H_ENTER, line.c_str());
        if (history_path_.empty() || history_warned_) return;
        const std::filesystem::path path(history_path_);
        std::error_code ec;
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
        errno = 0;
        if (history(history_, &event_, H_SAVE, history_path_.c_str()) == -1) {
            const int saved = errno;
            warnings_ << program_ << ": warning: cannot write the history to " << history_path_ << ": "
                      << (ec      ? ec.message()
                          : saved ? std::strerror(saved)
                                  : "write failed")
                      << '\n';
            history_warned_ = true;
        }
    }

    std::string program_, prompt_, history_path_;
    CompleteFunction complete_;
    std::ostream& warnings_;
    std::FILE* out_ = nullptr;
    EditLine* el_ = nullptr;
    History* history_ = nullptr;
    HistEvent event_{};
    struct sigaction previous_interrupt_ {};
    bool history_warned_ = false;
};

}  // namespace

std::unique_ptr<LineSource> piped_lines(std::istream& in) { return std::make_unique<PipedLines>(in); }

std::unique_ptr<LineSource> terminal_lines(const std::string& program, std::string prompt, std::string history_path,
                                           CompleteFunction complete, std::ostream& warnings) {
    return std::make_unique<EditedLines>(program, std::move(prompt), std::move(history_path), std::move(complete),
                                         warnings);
}

std::string default_history_path() {
    namespace fs = std::filesystem;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state && fs::path(state).is_absolute())
        return (fs::path(state) / "newsdex" / "history").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".local" / "state" / "newsdex" / "history").string();
    return {};
}

}  // namespace newsdex
