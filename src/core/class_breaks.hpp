// Class breaks for a choropleth: quantiles (equal counts) or Jenks natural breaks (the
// partition of the sorted values into k runs with the least within-class squared deviation,
// found exactly by dynamic programming, as Fisher 1958 / Jenks 1977).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace sw {

enum class BreakMethod { Quantiles, NaturalBreaks };
const char* breakMethodName(BreakMethod m);

// Class limits: lower[0] <= ... ; class i holds values in [lower[i], upper[i]]. Fewer classes
// than asked come back when there are fewer distinct values. Empty input: no classes.
struct ClassBreaks {
    std::vector<double> lower, upper;
    std::size_t size() const { return upper.size(); }
    // The class of a value (values outside the range go to the nearest class).
    int classOf(double v) const;
};

ClassBreaks computeBreaks(std::vector<double> values, int classes, BreakMethod method);

} // namespace sw
