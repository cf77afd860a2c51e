// Runs the streetweek executable and captures its exit code and output.
#pragma once

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

inline std::string quote(const std::string& s) {
    return "'" + s + "'";
}

} // namespace sw::test
