// Colour ramps for the map: perceptual ramps for the density surface (viridis, magma) and
// ColorBrewer schemes for density and ward choropleths (YlOrRd, Blues, Purples sequential;
// RdBu diverging for change). Pure data and interpolation, no GL.
#pragma once

#include "core/layer_rules.hpp"
#include "core/target_area.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sw {

enum class Ramp : std::uint8_t { Viridis, Magma, YlOrRd, Blues, Purples, RdBu };
const char* rampName(Ramp r);
std::optional<Ramp> parseRamp(std::string_view name);
inline constexpr Ramp kAllRamps[] = {Ramp::Viridis, Ramp::Magma,   Ramp::YlOrRd,
                                     Ramp::Blues,   Ramp::Purples, Ramp::RdBu};

// The ramp's colour at t in [0, 1] (clamped), interpolated linearly between its stops.
Rgba sampleRamp(Ramp ramp, double t);
// n colours evenly spread over the ramp (n >= 2), e.g. for n choropleth classes.
std::vector<Rgba> rampClasses(Ramp ramp, int n);
// n x 1 RGBA8 texels (a lookup texture for the density shader).
std::vector<std::uint8_t> rampTexels(Ramp ramp, int n = 256);

// Gi* classes (Gi_Bin -3..3) in ArcGIS Hot Spot Analysis' colours: reds for hot spots at
// 90/95/99% confidence, blues for cold; 0 (not significant) is transparent (alpha 0).
Rgba giBinColour(int bin);
const char* giBinLabel(int bin); // e.g. "Hot spot, 99% confidence"

// A target area's colour on every map and in every style: proposed amber, approved blue, done
// green, an excluded zone grey (alpha 255).
Rgba areaStatusColour(const TargetArea& area);
Rgba areaStatusColour(AreaStatus status, bool excluded);

} // namespace sw
