// Context layer helpers.
#include "core/context_layer.hpp"

namespace sw {

Box ContextLayer::bounds() const {
    Box b = emptyBox();
    for (const auto& p : points)
        bg::expand(b, p);
    for (const auto& l : lines)
        for (const auto& p : l)
            bg::expand(b, p);
    return b;
}

Rgba contextColour(std::size_t n) {
    static constexpr Rgba kColours[] = {{120, 20, 160, 255}, {0, 110, 110, 255}, {40, 40, 40, 255},
                                        {200, 0, 120, 255},  {110, 70, 0, 255},  {0, 70, 200, 255}};
    return kColours[n % std::size(kColours)];
}

} // namespace sw
