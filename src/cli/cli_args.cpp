// Command-line option parsing.
#include "cli/cli_args.hpp"

#include <charconv>

namespace sw::cli {

Args::Args(std::string command, std::string summary, std::vector<OptionSpec> specs)
    : command_(std::move(command)), summary_(std::move(summary)), specs_(std::move(specs)) {}

const OptionSpec* Args::find(const std::string& name) const {
    for (const auto& s : specs_)
        if (s.name == name)
            return &s;
    return nullptr;
}

std::optional<std::string> Args::parse(int argc, char** argv, int first) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            help_ = true;
            continue;
        }
        if (a == "--version") {
            version_ = true;
            continue;
        }
        if (a.rfind("--", 0) != 0)
            return "unexpected argument '" + a + "'";
        std::string name = a.substr(2), value;
        bool inline_value = false;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inline_value = true;
        }
        const OptionSpec* spec = find(name);
        if (!spec)
            return "unknown option '--" + name + "'";
        if (spec->metavar.empty()) {
            if (inline_value)
                return "option '--" + name + "' takes no value";
            starts_.push_back(values_.size());
            values_.emplace_back(name, "1");
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= argc)
                return "option '--" + name + "' needs a value (" + spec->metavar + ")";
            value = argv[++i];
        }
        if (!spec->repeat && !spec->several && has(name))
            return "option '--" + name + "' given twice";
        starts_.push_back(values_.size());
        values_.emplace_back(name, value);
        if (spec->several && !inline_value)
            while (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0)
                values_.emplace_back(name, argv[++i]);
    }
    return std::nullopt;
}

bool Args::has(const std::string& name) const {
    for (const auto& [k, v] : values_)
        if (k == name)
            return true;
    return false;
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
    for (const auto& [k, v] : values_)
        if (k == name)
            return v;
    return fallback;
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : values_)
        if (k == name)
            out.push_back(v);
    return out;
}

std::string Args::usage() const {
    std::string s =
        "usage: streetweek " + command_ + " [options]\n\n" + summary_ + "\n\noptions:\n";
    auto line = [&s](std::string left, const std::string& help) {
        if (left.size() < 32)
            left.resize(32, ' ');
        else
            left += "\n" + std::string(32, ' ');
        s += left + help + "\n";
    };
    for (const auto& sp : specs_)
        line("  --" + sp.name + (sp.metavar.empty() ? "" : " " + sp.metavar),
             sp.help + (sp.several  ? " (one or more; repeatable)"
                        : sp.repeat ? " (repeatable)"
                                    : ""));
    line("  --help", "show this help");
    line("  --version", "print the version");
    return s;
}

const char* versionText() {
    return "streetweek " STREETWEEK_VERSION;
}

std::optional<double> numberOption(const Args& args, const std::string& name, double fallback) {
    return args.has(name) ? parseDouble(args.get(name)) : std::optional<double>(fallback);
}

std::optional<double> parseDouble(const std::string& t) {
    double v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size())
        return std::nullopt;
    return v;
}

std::optional<long long> parseInteger(const std::string& t) {
    long long v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size())
        return std::nullopt;
    return v;
}

} // namespace sw::cli
