// `streetweek cut`: force-wide police.uk files cut to the district's wards, line for line.
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "core/atomic_file.hpp"
#include "io/vector_writer.hpp"
#include "io/zip_writer.hpp"
#include "session/district_cut.hpp"

#include <filesystem>
#include <iostream>

namespace sw::cli {

int runCut(int argc, char** argv) {
    auto parsed = parseDataCommand(
        {"cut",
         "Cuts police.uk (or other CSV) incident files to the study area: the rows whose point "
         "lies\n"
         "in the wards, as the files' own lines under their header, in one CSV (or a .zip holding\n"
         "it). A force-wide download becomes the district's file.",
         {},
         true,
         true,
         {".csv", ".zip"},
         "output"},
        argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    const DataCommand& cmd = std::get<DataCommand>(parsed);
    Session session;
    if (auto st = loadAndReport(session, cmd); !st)
        return fail("cut", st.error(), kExitFailure);
    auto cut = cutToStudyArea(session);
    if (!cut)
        return failWith("cut", cut.failure());
    const std::string name = std::filesystem::path(cmd.out).stem().string() + ".csv";
    Status written = okStatus();
    if (std::filesystem::path(cmd.out).extension() == ".zip") {
        auto z = io::ZipWriter::create(cmd.out);
        if (!z)
            return fail("cut", z.error(), kExitFailure);
        written = z.value().add(name, cut.value().csv);
        if (written)
            written = z.value().close();
    } else {
        written = writeFileAtomically(cmd.out, cut.value().csv);
    }
    if (!written)
        return fail("cut", written.error(), kExitFailure);
    std::cout << "Kept " << cut.value().rows << " of " << session.incidents().size()
              << " incidents (those inside the " << session.wards().size() << " wards) from "
              << cut.value().files << " files; wrote " << cmd.out << "\n";
    return kExitOk;
}

} // namespace sw::cli
