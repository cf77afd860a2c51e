// A small command-line option parser: --name value, --name=value, repeatable options, options
// that take several values (--incidents a.csv b.csv, so a shell glob works), --help and
// --version on every command.
//
// Kept over CLI11 (Debian libcli11-dev) on purpose: it is about 130 lines, every message and
// exit code of it is tested, and CLI11 would change the help layout and the error wording of
// every command for no behaviour users lack.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace sw::cli {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 2;

struct OptionSpec {
    std::string name;    // without the leading dashes
    std::string metavar; // empty: a flag that takes no value
    std::string help;
    bool repeat = false;
    // Takes every following argument up to the next --option (implies repeat).
    bool several = false;
};

// The program's version, as `--version` prints it.
const char* versionText();

class Args {
  public:
    Args(std::string command, std::string summary, std::vector<OptionSpec> specs);
    // Parses argv[first..]; returns an error message on bad usage.
    std::optional<std::string> parse(int argc, char** argv, int first);

    bool help() const { return help_; }
    bool version() const { return version_; }
    bool has(const std::string& name) const;
    std::string get(const std::string& name, const std::string& fallback = "") const;
    std::vector<std::string> all(const std::string& name) const;
    // Every (option, value) in the order given (an option of several values: one pair each).
    const std::vector<std::pair<std::string, std::string>>& ordered() const { return values_; }
    // Whether ordered()[i] is the first value of its option's occurrence (`--incidents a b`:
    // a is, b is not; `--incidents a --incidents b`: both are).
    bool startsOccurrence(std::size_t i) const {
        return std::find(starts_.begin(), starts_.end(), i) != starts_.end();
    }
    std::string usage() const;
    const std::string& command() const { return command_; }

  private:
    const OptionSpec* find(const std::string& name) const;
    std::string command_, summary_;
    std::vector<OptionSpec> specs_;
    std::vector<std::pair<std::string, std::string>> values_;
    std::vector<std::size_t> starts_; // indices into values_ where an occurrence starts
    bool help_ = false, version_ = false;
};

// Parses helpers: return nullopt when the text is not valid.
std::optional<double> parseDouble(const std::string& text);
// The option's number, `fallback` when it is not given, nullopt when it is not a number.
std::optional<double> numberOption(const Args& args, const std::string& name, double fallback);
std::optional<long long> parseInteger(const std::string& text);

} // namespace sw::cli
