#pragma once

#include <string>

namespace newsgraph::bench {

// Walks a program's arguments: `for (Arguments<UsageError> args(argc, argv); args.next();)`, then
// `args.current()` is the option and `args.value()` takes the one after it (an `Error` saying
// "--runs needs a value" when there is none).
template <typename Error>
class Arguments {
public:
    Arguments(int argc, char** argv) : argc_(argc), argv_(argv) {}

    bool next() {
        ++index_;
        if (index_ >= argc_) {
            return false;
        }
        current_ = argv_[index_];
        return true;
    }
    const std::string& current() const { return current_; }
    std::string value() {
        if (index_ + 1 >= argc_) {
            throw Error(current_ + " needs a value");
        }
        return argv_[++index_];
    }

private:
    int argc_;
    char** argv_;
    int index_ = 0;
    std::string current_;
};

} // namespace newsgraph::bench
