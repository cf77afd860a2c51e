// The three-way merge of a plan edited by several people at once: changes to different areas
// and different fields all kept, a clash listed with both values (never settled silently),
// deletions against changes, new areas whose id was taken meanwhile, settings key by key.
#include "core/plan_merge.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sw;

namespace {

TargetArea area(std::int64_t fid, const std::string& id, double x) {
    TargetArea a;
    a.fid = fid;
    a.id = id;
    a.name = "Area " + id;
    a.shape = rectangleShape(Point(x, 0), Point(x + 100, 100));
    return a;
}

Plan threeAreas() {
    Plan p;
    p.areas = {area(1, "A1", 0), area(2, "A2", 200), area(3, "A3", 400)};
    p.settings = {{"from", "2025-01"}, {"to", "2025-03"}};
    return p;
}

const TargetArea* byId(const Plan& p, const std::string& id) {
    for (const auto& a : p.areas)
        if (a.id == id)
            return &a;
    return nullptr;
}

} // namespace

TEST_CASE("plan merge: edits to different areas and different fields of one area are all kept") {
    const Plan base = threeAreas();
    Plan mine = base, theirs = base;
    mine.areas[0].lead = "Police";              // A1 here
    mine.areas[1].notes = "mine";               // A2 notes here
    theirs.areas[1].week = makeDay(2025, 3, 3); // A2 week there
    theirs.areas[2].name = "Their name";        // A3 there
    const PlanMerge m = mergePlans(base, mine, theirs);
    CHECK(m.clashes.empty());
    REQUIRE(m.plan.areas.size() == 3);
    CHECK(byId(m.plan, "A1")->lead == "Police");
    CHECK(byId(m.plan, "A2")->notes == "mine");
    CHECK(byId(m.plan, "A2")->week == makeDay(2025, 3, 3));
    CHECK(byId(m.plan, "A3")->name == "Their name");
    CHECK(m.changed_by_me == 2);
    CHECK(m.changed_by_others == 2);
}

TEST_CASE("plan merge: the same field changed both ways is a clash with both values; the same "
          "change both ways is not") {
    const Plan base = threeAreas();
    Plan mine = base, theirs = base;
    mine.areas[1].lead = "Patel";
    theirs.areas[1].lead = "Smith";
    mine.areas[2].notes = theirs.areas[2].notes = "agreed";
    const PlanMerge m = mergePlans(base, mine, theirs);
    REQUIRE(m.clashes.size() == 1);
    CHECK(m.clashes[0].area_id == "A2");
    CHECK(m.clashes[0].field == "lead");
    CHECK(m.clashes[0].mine == "Patel");
    CHECK(m.clashes[0].theirs == "Smith");
    CHECK(m.clashes[0].text() == "A2 lead: yours 'Patel', in the file now 'Smith'");
    CHECK(byId(m.plan, "A2")->lead == "Smith"); // theirs until the person chooses
    CHECK(byId(m.plan, "A3")->notes == "agreed");
    // A moved shape against a changed shape: one clash for the shape, described for people.
    Plan m2 = base, t2 = base;
    m2.areas[0].shape = rectangleShape(Point(10, 0), Point(110, 100));
    t2.areas[0].shape = rectangleShape(Point(0, 10), Point(100, 110));
    const PlanMerge s = mergePlans(base, m2, t2);
    REQUIRE(s.clashes.size() == 1);
    CHECK(s.clashes[0].field == "shape");
    CHECK(s.clashes[0].mine.find("km2") != std::string::npos);
}

TEST_CASE("plan merge: deleted one way and changed the other is a clash; deleted unchanged is "
          "deleted; added by others is kept") {
    const Plan base = threeAreas();
    Plan mine = base, theirs = base;
    mine.areas.erase(mine.areas.begin());       // I delete A1
    theirs.areas[0].notes = "their note";       // they changed A1
    mine.areas.erase(mine.areas.begin() + 1);   // I delete A3 (now at index 1), unchanged there
    theirs.areas.push_back(area(4, "A4", 600)); // they added A4
    const PlanMerge m = mergePlans(base, mine, theirs);
    REQUIRE(m.clashes.size() == 1);
    CHECK(m.clashes[0].area_id == "A1");
    CHECK(m.clashes[0].field == "(deleted)");
    CHECK(byId(m.plan, "A1") != nullptr); // kept until the person chooses
    CHECK(byId(m.plan, "A3") == nullptr);
    CHECK(byId(m.plan, "A4") != nullptr);
    // They deleted A2 that I changed: a clash; they deleted A2 that I did not change: gone.
    Plan mine2 = base, theirs2 = base;
    mine2.areas[1].lead = "Council";
    theirs2.areas.erase(theirs2.areas.begin() + 1);
    CHECK(mergePlans(base, mine2, theirs2).clashes.size() == 1);
    const PlanMerge quiet = mergePlans(base, base, theirs2);
    CHECK(quiet.clashes.empty());
    CHECK(byId(quiet.plan, "A2") == nullptr);
}

TEST_CASE("plan merge: a new area whose id someone else took is renamed and said; settings "
          "merge key by key") {
    const Plan base = threeAreas();
    Plan mine = base, theirs = base;
    TargetArea mine_new = area(-1, "A4", 800);
    mine.areas.push_back(mine_new);
    theirs.areas.push_back(area(4, "A4", 600));
    mine.set("from", "2025-02");           // I changed the period's start
    theirs.set("hotspot_radius_m", "250"); // they added a setting
    const PlanMerge m = mergePlans(base, mine, theirs);
    CHECK(m.clashes.empty());
    REQUIRE(m.plan.areas.size() == 5);
    CHECK(m.plan.areas[3].id == "A4");
    CHECK(m.plan.areas[3].fid == 4);
    CHECK(m.plan.areas[4].id == "A5");
    CHECK(m.plan.areas[4].fid == -1);
    CHECK(std::any_of(m.notes.begin(), m.notes.end(), [](const std::string& n) {
        return n.find("your new area A4 is saved as A5") != std::string::npos;
    }));
    CHECK(m.plan.setting("from") == "2025-02");
    CHECK(m.plan.setting("to") == "2025-03");
    CHECK(m.plan.setting("hotspot_radius_m") == "250");
}

TEST_CASE("plan merge: a row someone made unreadable (kept in the file) is not deleted, and a "
          "change to it here is a clash") {
    const Plan base = threeAreas();
    Plan mine = base, theirs = base;
    theirs.areas.erase(theirs.areas.begin() + 2);
    theirs.kept.push_back({3, "A3", "has status 'cancelled', which streetweek does not use"});
    mine.areas[2].lead = "Fire";
    const PlanMerge m = mergePlans(base, mine, theirs);
    REQUIRE(m.clashes.size() == 1);
    CHECK(m.clashes[0].theirs.find("cancelled") != std::string::npos);
    const PlanMerge q = mergePlans(base, base, theirs);
    CHECK(q.clashes.empty());
    CHECK(std::any_of(q.notes.begin(), q.notes.end(), [](const std::string& n) {
        return n.find("kept in the file") != std::string::npos;
    }));
}
