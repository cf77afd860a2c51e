// Ramp stops: viridis and magma from matplotlib's published tables (9 evenly spaced samples),
// ColorBrewer schemes from colorbrewer2.org (9-class sequential, 11-class diverging).
#include "core/colour_ramps.hpp"

#include "core/incident_table.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace sw {
namespace {

constexpr Rgba kViridis[] = {{68, 1, 84},    {71, 44, 122},  {59, 81, 139},
                             {44, 113, 142}, {33, 144, 141}, {39, 173, 129},
                             {92, 200, 99},  {170, 220, 50}, {253, 231, 37}};
constexpr Rgba kMagma[] = {{0, 0, 4},      {28, 16, 68},    {79, 18, 123},
                           {129, 37, 129}, {181, 54, 122},  {229, 80, 100},
                           {251, 135, 97}, {254, 194, 135}, {252, 253, 191}};
constexpr Rgba kYlOrRd[] = {{255, 255, 204}, {255, 237, 160}, {254, 217, 118},
                            {254, 178, 76},  {253, 141, 60},  {252, 78, 42},
                            {227, 26, 28},   {189, 0, 38},    {128, 0, 38}};
constexpr Rgba kBlues[] = {{247, 251, 255}, {222, 235, 247}, {198, 219, 239},
                           {158, 202, 225}, {107, 174, 214}, {66, 146, 198},
                           {33, 113, 181},  {8, 81, 156},    {8, 48, 107}};
constexpr Rgba kPurples[] = {{252, 251, 253}, {239, 237, 245}, {218, 218, 235},
                             {188, 189, 220}, {158, 154, 200}, {128, 125, 186},
                             {106, 81, 163},  {84, 39, 143},   {63, 0, 125}};
// Reversed so that low values (falls) are blue and high values (rises) red.
constexpr Rgba kRdBu[] = {{5, 48, 97},     {33, 102, 172},  {67, 147, 195},  {146, 197, 222},
                          {209, 229, 240}, {247, 247, 247}, {253, 219, 199}, {244, 165, 130},
                          {214, 96, 77},   {178, 24, 43},   {103, 0, 31}};

std::span<const Rgba> stops(Ramp r) {
    switch (r) {
    case Ramp::Viridis:
        return kViridis;
    case Ramp::Magma:
        return kMagma;
    case Ramp::YlOrRd:
        return kYlOrRd;
    case Ramp::Blues:
        return kBlues;
    case Ramp::Purples:
        return kPurples;
    case Ramp::RdBu:
        return kRdBu;
    }
    return kViridis;
}

std::uint8_t lerp(std::uint8_t a, std::uint8_t b, double f) {
    return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
}

} // namespace

const char* rampName(Ramp r) {
    switch (r) {
    case Ramp::Viridis:
        return "viridis";
    case Ramp::Magma:
        return "magma";
    case Ramp::YlOrRd:
        return "YlOrRd";
    case Ramp::Blues:
        return "Blues";
    case Ramp::Purples:
        return "Purples";
    case Ramp::RdBu:
        return "RdBu";
    }
    return "viridis";
}

std::optional<Ramp> parseRamp(std::string_view name) {
    for (Ramp r : kAllRamps)
        if (equalsIgnoreCase(name, rampName(r)))
            return r;
    return std::nullopt;
}

Rgba sampleRamp(Ramp ramp, double t) {
    const auto s = stops(ramp);
    if (!(t > 0))
        return s.front();
    if (t >= 1)
        return s.back();
    const double pos = t * static_cast<double>(s.size() - 1);
    const auto i = static_cast<std::size_t>(pos);
    const double f = pos - static_cast<double>(i);
    const Rgba& a = s[i];
    const Rgba& b = s[std::min(i + 1, s.size() - 1)];
    return {lerp(a.r, b.r, f), lerp(a.g, b.g, f), lerp(a.b, b.b, f), 255};
}

std::vector<Rgba> rampClasses(Ramp ramp, int n) {
    std::vector<Rgba> out;
    n = std::max(n, 2);
    for (int i = 0; i < n; ++i)
        out.push_back(sampleRamp(ramp, static_cast<double>(i) / (n - 1)));
    return out;
}

std::vector<std::uint8_t> rampTexels(Ramp ramp, int n) {
    std::vector<std::uint8_t> out;
    for (const Rgba& c : rampClasses(ramp, n))
        out.insert(out.end(), {c.r, c.g, c.b, 255});
    return out;
}

Rgba giBinColour(int bin) {
    static constexpr Rgba kBins[] = {
        {69, 117, 181, 255},  {145, 191, 219, 255}, {224, 243, 248, 255}, {255, 255, 191, 0},
        {254, 224, 144, 255}, {252, 141, 89, 255},  {215, 48, 39, 255}};
    return kBins[std::clamp(bin, -3, 3) + 3];
}

const char* giBinLabel(int bin) {
    switch (std::clamp(bin, -3, 3)) {
    case 3:
        return "Hot spot, 99% confidence";
    case 2:
        return "Hot spot, 95% confidence";
    case 1:
        return "Hot spot, 90% confidence";
    case -1:
        return "Cold spot, 90% confidence";
    case -2:
        return "Cold spot, 95% confidence";
    case -3:
        return "Cold spot, 99% confidence";
    default:
        return "Not significant";
    }
}

Rgba areaStatusColour(AreaStatus status, bool excluded) {
    if (excluded)
        return {110, 110, 120, 255};
    switch (status) {
    case AreaStatus::Proposed:
        return {235, 140, 0, 255};
    case AreaStatus::Approved:
        return {30, 100, 220, 255};
    case AreaStatus::Done:
        return {30, 150, 60, 255};
    }
    return {0, 0, 0, 255};
}

Rgba areaStatusColour(const TargetArea& area) {
    return areaStatusColour(area.status, area.excluded);
}

} // namespace sw
