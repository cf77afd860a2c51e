// Runs the streetweek executable and captures its exit code and output.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace sw::test {

struct RunResult {
    int code = -1;
    std::string output; // stdout and stderr together
};

// Any shell command (a tool beside streetweek: pdftotext, ogrinfo).
inline RunResult runShell(const std::string& cmd_line) {
    RunResult r;
    const std::string cmd = cmd_line + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p)
        return r;
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0)
        r.output.append(buf.data(), n);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

inline RunResult run(const std::string& args) {
    return runShell(std::string(STREETWEEK_BIN) + " " + args);
}

// The JSON a --json command printed: the output from its first line that starts with "{"
// (stderr's progress and warnings come before it). is_discarded() when it does not parse.
inline nlohmann::json jsonOf(const RunResult& r) {
    const auto at = r.output.rfind('{', 0) == 0 ? 0 : r.output.find("\n{");
    if (at == std::string::npos)
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(r.output.substr(at), nullptr, false);
}

inline std::string quote(const std::string& s) {
    return "'" + s + "'";
}

} // namespace sw::test
