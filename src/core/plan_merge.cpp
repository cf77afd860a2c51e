// The three-way merge of a plan.
#include "core/plan_merge.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace sw {
namespace {

std::string numberText(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// Field indices (areaFieldNames()'s order).
enum Field : std::size_t {
    kId,
    kName,
    kShape,
    kWeek,
    kLead,
    kPartners,
    kStatus,
    kNotes,
    kLocked,
    kExcluded,
    kCentreX,
    kCentreY,
    kRadius,
    kGeometry
};

// What merges as one: each field alone, but the shape (kind, centre, radius and geometry) whole.
const std::vector<std::vector<std::size_t>>& mergeUnits() {
    static const std::vector<std::vector<std::size_t>> units = {
        {kId},      {kName},  {kShape, kCentreX, kCentreY, kRadius, kGeometry},
        {kWeek},    {kLead},  {kPartners},
        {kStatus},  {kNotes}, {kLocked},
        {kExcluded}};
    return units;
}

std::string unitValue(const std::array<std::string, kAreaFieldCount>& v,
                      const std::vector<std::size_t>& unit) {
    std::string s;
    for (std::size_t f : unit)
        s += v[f] + '\x1f';
    return s;
}

// How a person reads a value in a clash.
std::string describe(const TargetArea& a, const std::vector<std::size_t>& unit) {
    if (unit.size() > 1) {
        char buf[96];
        if (a.shape_kind == AreaShape::Circle)
            std::snprintf(buf, sizeof buf, "a circle of %.0f m at E %.0f N %.0f", a.radius_m,
                          a.centre.x(), a.centre.y());
        else
            std::snprintf(buf, sizeof buf, "a %s of %.4f km2", shapeName(a.shape_kind),
                          shapeArea(a.shape) / 1e6);
        return buf;
    }
    const std::string v = areaFieldValues(a)[unit[0]];
    if (unit[0] == kLocked || unit[0] == kExcluded)
        return v == "1" ? "yes" : "no";
    return v.empty() ? "(empty)" : v;
}

std::string describeArea(const TargetArea& a) {
    return a.id + (a.name.empty() ? "" : " " + a.name);
}

using SettingMap = std::map<std::string, std::vector<std::string>>;
SettingMap settingMap(const Plan& p) {
    SettingMap m;
    for (const auto& [k, v] : p.settings)
        m[k].push_back(v);
    return m;
}

} // namespace

const std::array<const char*, kAreaFieldCount>& areaFieldNames() {
    static const std::array<const char*, kAreaFieldCount> names = {
        "area_id", "name",   "shape",    "week_start", "lead",     "partners", "status",
        "notes",   "locked", "excluded", "centre_x",   "centre_y", "radius_m", "geometry"};
    return names;
}

std::array<std::string, kAreaFieldCount> areaFieldValues(const TargetArea& a) {
    std::array<std::string, kAreaFieldCount> v;
    v[kId] = a.id;
    v[kName] = a.name;
    v[kShape] = shapeName(a.shape_kind);
    v[kWeek] = a.week == kNoDay ? "" : formatDay(a.week);
    v[kLead] = a.lead;
    v[kPartners] = a.partners;
    v[kStatus] = statusName(a.status);
    v[kNotes] = a.notes;
    v[kLocked] = a.locked ? "1" : "0";
    v[kExcluded] = a.excluded ? "1" : "0";
    if (a.shape_kind == AreaShape::Circle) {
        v[kCentreX] = numberText(a.centre.x());
        v[kCentreY] = numberText(a.centre.y());
        v[kRadius] = numberText(a.radius_m);
    }
    std::string g;
    for (const auto& poly : a.shape) {
        g += '(';
        const auto ring = [&](const auto& r) {
            g += '[';
            for (const auto& pt : r)
                g += numberText(pt.x()) + ' ' + numberText(pt.y()) + ',';
            g += ']';
        };
        ring(poly.outer());
        for (const auto& inner : poly.inners())
            ring(inner);
        g += ')';
    }
    v[kGeometry] = g;
    return v;
}

void copyAreaField(TargetArea& to, const TargetArea& from, std::size_t field) {
    switch (field) {
    case kId:
        to.id = from.id;
        break;
    case kName:
        to.name = from.name;
        break;
    case kWeek:
        to.week = from.week;
        break;
    case kLead:
        to.lead = from.lead;
        break;
    case kPartners:
        to.partners = from.partners;
        break;
    case kStatus:
        to.status = from.status;
        break;
    case kNotes:
        to.notes = from.notes;
        break;
    case kLocked:
        to.locked = from.locked;
        break;
    case kExcluded:
        to.excluded = from.excluded;
        break;
    default: // the shape, whole
        to.shape_kind = from.shape_kind;
        to.shape = from.shape;
        to.centre = from.centre;
        to.radius_m = from.radius_m;
        break;
    }
}

std::string PlanClash::text() const {
    if (field == "(deleted)")
        return area_id + ": " +
               (mine == "(deleted)" ? "you deleted it; someone else changed it (" + theirs + ")"
                                    : "you changed it (" + mine + "); someone else deleted it");
    return area_id + " " + field + ": yours '" + mine + "', in the file now '" + theirs + "'";
}

PlanMerge mergePlans(const Plan& base, const Plan& mine, const Plan& theirs) {
    PlanMerge out;
    out.plan = theirs;
    out.plan.areas.clear();
    const auto byFid = [](const Plan& p) {
        std::map<std::int64_t, const TargetArea*> m;
        for (const auto& a : p.areas)
            if (a.fid >= 0)
                m[a.fid] = &a;
        return m;
    };
    const auto b_of = byFid(base), m_of = byFid(mine), t_of = byFid(theirs);
    std::map<std::int64_t, const KeptRow*> t_kept;
    for (const auto& k : theirs.kept)
        t_kept[k.fid] = &k;
    const auto& names = areaFieldNames();
    for (const TargetArea& t : theirs.areas) {
        const auto bi = b_of.find(t.fid);
        if (bi == b_of.end()) { // added by someone else since base was read
            out.plan.areas.push_back(t);
            ++out.changed_by_others;
            out.notes.push_back(describeArea(t) + " was added by someone else");
            continue;
        }
        const TargetArea& b = *bi->second;
        const auto bv = areaFieldValues(b), tv = areaFieldValues(t);
        const auto mi = m_of.find(t.fid);
        if (mi == m_of.end()) { // deleted here
            if (bv == tv) {
                ++out.changed_by_me;
            } else {
                out.clashes.push_back(
                    {b.id, "(deleted)", "(deleted)", "now " + describeArea(t), t.fid});
                out.plan.areas.push_back(t);
            }
            continue;
        }
        const TargetArea& m = *mi->second;
        const auto mv = areaFieldValues(m);
        TargetArea area = t;
        bool by_me = false, by_others = false;
        for (const auto& unit : mergeUnits()) {
            const std::string b_u = unitValue(bv, unit), m_u = unitValue(mv, unit),
                              t_u = unitValue(tv, unit);
            if (m_u == b_u) {
                by_others = by_others || t_u != b_u;
                continue;
            }
            if (t_u == b_u || t_u == m_u) {
                copyAreaField(area, m, unit[0]);
                by_me = true;
                continue;
            }
            out.clashes.push_back({m.id, unit.size() > 1 ? "shape" : names[unit[0]],
                                   describe(m, unit), describe(t, unit), t.fid});
        }
        out.changed_by_me += by_me ? 1 : 0;
        out.changed_by_others += by_others ? 1 : 0;
        if (by_others)
            out.notes.push_back(describeArea(t) + " was changed by someone else: their change " +
                                (by_me ? "is kept beside yours" : "is brought in"));
        out.plan.areas.push_back(std::move(area));
    }
    // Areas the file no longer holds as areas: deleted by someone else, or changed into a row
    // streetweek cannot read.
    for (const TargetArea& b : base.areas) {
        if (b.fid < 0 || t_of.count(b.fid))
            continue;
        const auto mi = m_of.find(b.fid);
        const bool changed_here =
            mi != m_of.end() && areaFieldValues(*mi->second) != areaFieldValues(b);
        const auto ki = t_kept.find(b.fid);
        const std::string what = ki != t_kept.end()
                                     ? "was changed by someone else so that it " +
                                           ki->second->reason + " (kept in the file, not shown)"
                                     : "was deleted by someone else";
        if (changed_here)
            out.clashes.push_back({b.id, "(deleted)", describeArea(*mi->second),
                                   ki != t_kept.end() ? ki->second->reason : "(deleted)", b.fid});
        else
            out.notes.push_back(describeArea(b) + " " + what);
        ++out.changed_by_others;
    }
    // New areas: an id someone else took since is given the next free one.
    std::set<std::string> ids;
    for (const auto& a : out.plan.areas)
        ids.insert(a.id);
    for (const auto& k : theirs.kept)
        if (!k.id.empty())
            ids.insert(k.id);
    for (const TargetArea& m : mine.areas) {
        if (m.fid >= 0)
            continue;
        TargetArea a = m;
        a.revision = 0;
        if (a.id.empty() || ids.count(a.id)) {
            const std::string fresh = nextAreaId(ids);
            if (!a.id.empty())
                out.notes.push_back("your new area " + a.id + " is saved as " + fresh + " (" +
                                    a.id + " was taken by someone else meanwhile)");
            a.id = fresh;
        }
        ids.insert(a.id);
        out.plan.areas.push_back(std::move(a));
        ++out.changed_by_me;
    }
    // Settings, key by key: mine where I changed a key, else theirs. Sources and agencies whole.
    const SettingMap bs = settingMap(base), ms = settingMap(mine), ts = settingMap(theirs);
    std::set<std::string> keys;
    for (const auto* m : {&bs, &ms, &ts})
        for (const auto& [k, v] : *m)
            keys.insert(k);
    out.plan.settings.clear();
    for (const auto& k : keys) {
        const auto get = [&](const SettingMap& m) {
            const auto it = m.find(k);
            return it == m.end() ? std::vector<std::string>{} : it->second;
        };
        const auto bv = get(bs), mv = get(ms), tv = get(ts);
        for (const auto& v : mv != bv ? mv : tv)
            out.plan.settings.emplace_back(k, v);
    }
    out.plan.sources = mine.sources == base.sources ? theirs.sources : mine.sources;
    out.plan.agencies = mine.agencies != base.agencies ? mine.agencies : theirs.agencies;
    return out;
}

} // namespace sw
