// `streetweek sample`: writes the synthetic sample (or a large one for benchmarks).
#include "cli/commands.hpp"
#include "cli/load_options.hpp"
#include "session/sample_writer.hpp"

#include <iostream>

namespace sw::cli {

int runSample(int argc, char** argv) {
    Args args(
        "sample",
        "Writes the synthetic Medway-like sample: 22 wards (EPSG:27700), a ward population\n"
        "table and monthly police.uk-format incident files (about 4,000 x scale a month).\n"
        "SYNTHETIC: not real crime data.",
        {{"out", "DIR", "output folder (required)", false},
         {"months", "N", "months of incidents (default 24)", false},
         {"scale", "X",
          "incidents per month = 4,000 x X (default 1; 10 million rows: --months 24 --scale 104.2)",
          false},
         {"seed", "S", "random seed (default 20220101)", false},
         {"zip", "", "put the monthly CSVs into one .zip archive", false}});
    if (auto err = args.parse(argc, argv, 2))
        return fail("sample", *err, kExitUsage);
    if (args.help()) {
        std::cout << args.usage();
        return kExitOk;
    }
    if (!args.has("out"))
        return fail("sample", "--out is required", kExitUsage);
    SampleParams p;
    if (args.has("months")) {
        const auto v = parseInteger(args.get("months"));
        if (!v)
            return fail("sample", "--months must be a whole number", kExitUsage);
        p.months = static_cast<int>(*v);
    }
    if (args.has("scale")) {
        const auto v = parseDouble(args.get("scale"));
        if (!v)
            return fail("sample", "--scale must be a number", kExitUsage);
        p.scale = *v;
    }
    if (args.has("seed")) {
        const auto v = parseInteger(args.get("seed"));
        if (!v || *v < 0)
            return fail("sample", "--seed must be a whole number", kExitUsage);
        p.seed = static_cast<std::uint64_t>(*v);
    }
    if (auto st = p.validate(); !st)
        return fail("sample", st.error(), kExitUsage);
    auto out = writeSyntheticSample(p, args.get("out"), args.has("zip"));
    if (!out)
        return fail("sample", out.error(), kExitFailure);
    std::cout << "SYNTHETIC sample written (" << out.value().rows << " incidents):\n"
              << "  wards:      " << out.value().wards_path << "\n"
              << "  population: " << out.value().population_path << "\n"
              << "  incidents:  " << out.value().incidents_path << "\n"
              << "  readme:     " << out.value().readme_path << "\n";
    return kExitOk;
}

} // namespace sw::cli
