// Did a street week work, and did the problem move next door? The counts of a target area, a
// buffer ring around it and a control (the rest of the study area) before and after, and the
// two standard measures:
// - the weighted displacement difference (Wheeler and Ratcliffe 2018): the target's change
//   less the change expected from the control, plus the same for the buffer, with its Poisson
//   standard error (the delta method for the control's ratio) and a z test. The control here is the
//   rest of the study area, many times larger than the target, so its change is scaled to each
//   zone's before count (the change the zone would have seen had it followed the control) rather
//   than subtracted raw;
// - the weighted displacement quotient (Bowers and Johnson 2003): the buffer's change relative
//   to the control over the target's, read as diffusion of benefit (> 0) or displacement
//   (< 0) when the target fell relative to the control, with a Poisson bootstrap interval.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sw {

struct ZoneCounts {
    double target_before = 0, target_after = 0;
    double buffer_before = 0, buffer_after = 0;
    double control_before = 0, control_after = 0;
};

struct WddResult {
    double target_change = 0, buffer_change = 0, control_change = 0; // after - before
    double expected_target_change = 0, expected_buffer_change = 0;   // from the control's
    double wdd = 0;     // (target - expected) + (buffer - expected); < 0: fewer incidents
    double se = 0;      // Poisson standard error
    double z = 0;       // wdd / se (0 when se is 0)
    double p_value = 1; // two-sided, normal
    bool valid = false; // the control had incidents before (else nothing to scale by)
};

WddResult weightedDisplacementDifference(const ZoneCounts& c);

struct WdqResult {
    std::optional<double> success;      // target/control after - before (< 0: a reduction)
    std::optional<double> displacement; // buffer/control after - before
    std::optional<double> wdq;          // displacement / success, when the target fell
    std::string reading;                // one line: what the figures say
};

WdqResult weightedDisplacementQuotient(const ZoneCounts& c);

struct Interval {
    double low = 0, high = 0;
    int draws_used = 0; // draws where the target fell relative to the control
};

// The WDQ's `level` interval from `draws` Poisson draws of the six counts (each drawn with its
// observed count as the mean), deterministic for a seed; nullopt when fewer than half of the
// draws show a fall in the target (the quotient is then not read).
std::optional<Interval> wdqBootstrap(const ZoneCounts& c, int draws, std::uint64_t seed,
                                     double level = 0.95);

// A Poisson draw with mean `mean` (Knuth's method below 30, a rounded normal above).
class Rng;
std::int64_t poissonDraw(Rng& rng, double mean);

} // namespace sw
