// A real PostgreSQL 15 server with PostGIS for the tests (Debian's packages, which
// scripts/install-deps installs): initdb in a temporary folder, listening on 127.0.0.1 at a
// free port only, a database "plans" with the postgis extension; stopped and removed at the
// end. As root the server runs as the postgres user (initdb refuses root).
#pragma once

#include <arpa/inet.h>
#include <cstdlib>
#include <filesystem>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace sw::test {

class PgServer {
  public:
    PgServer() {
        const std::string bin = "/usr/lib/postgresql/15/bin";
        if (!std::filesystem::exists(bin + "/initdb") ||
            !std::filesystem::exists("/usr/share/postgresql/15/extension/postgis.control")) {
            why_ = "PostgreSQL 15 with PostGIS 3 is not installed (scripts/install-deps "
                   "installs postgresql-15 and postgresql-15-postgis-3)";
            return;
        }
        char tmpl[] = "/tmp/streetweek-pg-XXXXXX";
        if (!::mkdtemp(tmpl)) {
            why_ = "cannot make a folder for the server";
            return;
        }
        dir_ = tmpl;
        const bool root = ::geteuid() == 0;
        const std::string as = root ? "runuser -u postgres -- " : "";
        if (root && std::system(("chown postgres:postgres " + dir_).c_str()) != 0) {
            why_ = "cannot give the server's folder to the postgres user";
            return;
        }
        port_ = freePort();
        const std::string host = " -h 127.0.0.1 -p " + std::to_string(port_) + " -U sw ";
        const std::string log = " >>" + dir_ + "/setup.log 2>&1";
        const std::string steps[] = {
            as + bin + "/initdb -D " + dir_ + "/data -A trust -U sw -E UTF8 --no-sync" + log,
            as + bin + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -t 60 -o \"-p " +
                std::to_string(port_) + " -k " + dir_ +
                " -c listen_addresses=127.0.0.1 -c fsync=off\" start" + log,
            as + bin + "/createdb" + host + "plans" + log,
            as + bin + "/psql -q" + host + "-d plans -c 'CREATE EXTENSION postgis'" + log};
        for (const auto& s : steps)
            if (std::system(s.c_str()) != 0) {
                why_ = "the test server did not start: " + s + " (see " + dir_ + "/setup.log)";
                return;
            }
        started_ = true;
        as_ = as;
        conninfo_ = "PG:host=127.0.0.1 port=" + std::to_string(port_) + " dbname=plans user=sw";
    }
    ~PgServer() {
        if (!dir_.empty()) {
            if (started_)
                (void)std::system((as_ + "/usr/lib/postgresql/15/bin/pg_ctl -D " + dir_ +
                                   "/data -m immediate stop >/dev/null 2>&1")
                                      .c_str());
            std::error_code ec;
            std::filesystem::remove_all(dir_, ec);
        }
    }
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    bool running() const { return started_; }
    const std::string& why() const { return why_; }
    // GDAL's PostgreSQL connection for a schema of its own (one plan per schema).
    std::string plan(const std::string& schema) const {
        const std::string sql = "CREATE SCHEMA IF NOT EXISTS " + schema;
        (void)std::system((as_ + "/usr/lib/postgresql/15/bin/psql -q -h 127.0.0.1 -p " +
                           std::to_string(port_) + " -U sw -d plans -c '" + sql + "' >/dev/null")
                              .c_str());
        return conninfo_ + " active_schema=" + schema;
    }

  private:
    static int freePort() {
        const int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        socklen_t len = sizeof a;
        int port = 54329;
        if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
            ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0)
            port = ntohs(a.sin_port);
        ::close(s);
        return port;
    }

    std::string dir_, conninfo_, as_, why_;
    int port_ = 0;
    bool started_ = false;
};

} // namespace sw::test
