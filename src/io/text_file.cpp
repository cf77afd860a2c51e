// Reading a small file whole.
#include "io/text_file.hpp"

#include "io/gdal_setup.hpp"

#include <cpl_vsi.h>

namespace sw::io {

Result<std::string> readTextFile(const std::string& path, std::size_t max_bytes) {
    ensureGdal();
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    if (!f)
        return Error{path + ": cannot open the file"};
    std::string data;
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) == 0 && st.st_size > 0 &&
        static_cast<std::uint64_t>(st.st_size) <= max_bytes)
        data.reserve(static_cast<std::size_t>(st.st_size) + 1); // one allocation, no copies
    char buf[1 << 16];
    for (;;) {
        const std::size_t got = VSIFReadL(buf, 1, sizeof buf, f);
        data.append(buf, got);
        if (got < sizeof buf)
            break;
        if (data.size() > max_bytes) {
            VSIFCloseL(f);
            return Error{path + ": the file is larger than expected"};
        }
    }
    VSIFCloseL(f);
    return data;
}

} // namespace sw::io
