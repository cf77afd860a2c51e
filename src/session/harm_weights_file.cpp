// Harm weights from a file.
#include "session/harm_weights_file.hpp"

#include "io/text_file.hpp"

namespace sw {

Result<HarmWeights> readHarmWeights(const std::string& path) {
    auto text = io::readTextFile(path, 4u << 20);
    if (!text)
        return text.failure();
    return parseHarmWeights(text.value(), path);
}

} // namespace sw
