// UK postcodes to grid references (British National Grid metres), for partner extracts that
// give an address postcode and no coordinates. Built from the ONS Postcode Directory, the
// National Statistics Postcode Lookup or OS Code-Point Open (io/postcode_reader); looked up by
// the postcode with case and spaces ignored. A postcode's point is the centroid of its
// addresses: it places an incident to within a few hundred metres, not at its door.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw {

// The postcode packed for lookup ("me4 4tz", "ME44TZ" and " ME4  4TZ" are one key); nullopt
// when it is not the shape of a UK postcode (5 to 7 letters and digits, a digit in the last
// three's first place).
std::optional<std::uint64_t> postcodeKey(std::string_view text);

struct PostcodePoint {
    std::uint64_t key = 0;
    double easting = 0, northing = 0; // in the index's crs (EPSG:27700 once loaded)
    bool terminated = false;                // no longer in use (still placed)
};

class PostcodeIndex {
  public:
    void add(const PostcodePoint& p) { points_.push_back(p); }
    // Sorts for lookup; a postcode given twice keeps its first point. Returns the repeats.
    std::size_t finish();
    const PostcodePoint* find(std::uint64_t key) const;
    std::size_t size() const { return points_.size(); }

    std::string path;   // the file it was read from
    std::string format; // "ONS Postcode Directory or NSPL", "OS Code-Point Open", ...
    std::string crs = "EPSG:27700"; // of the points: EPSG:4326 from a lat/long-only file
    std::vector<PostcodePoint>& points() { return points_; } // to re-project in place

  private:
    std::vector<PostcodePoint> points_;
};

} // namespace sw
