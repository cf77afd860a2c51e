// Wards panel.
#include "ui/wards_panel.hpp"

#include "ui/ward_chart.hpp"

#include <imgui.h>

#include <algorithm>

namespace sw::ui {
namespace {

void choroplethControls(ChoroplethState& c, const WardProfile* profile) {
    ImGui::Checkbox("Choropleth", &c.on);
    if (!c.on)
        return;
    std::string current = wardStatName(c.stat);
    if (c.stat == WardStat::Layer && profile && c.layer < profile->layer_names.size())
        current = profile->layer_names[c.layer];
    if (ImGui::BeginCombo("Statistic", current.c_str())) {
        for (WardStat s : {WardStat::Count, WardStat::Rate, WardStat::Change, WardStat::ChangePct})
            if (ImGui::Selectable(wardStatName(s), c.stat == s))
                c.stat = s;
        if (profile)
            for (std::size_t l = 0; l < profile->layer_names.size(); ++l)
                if (ImGui::Selectable(profile->layer_names[l].c_str(),
                                      c.stat == WardStat::Layer && c.layer == l)) {
                    c.stat = WardStat::Layer;
                    c.layer = l;
                }
        ImGui::EndCombo();
    }
    ImGui::SliderInt("Classes", &c.classes, 3, 7);
    int method = c.method == BreakMethod::Quantiles ? 0 : 1;
    const char* methods[] = {"Quantiles", "Natural breaks (Jenks)"};
    if (ImGui::Combo("Breaks", &method, methods, 2))
        c.method = method == 0 ? BreakMethod::Quantiles : BreakMethod::NaturalBreaks;
    if (ImGui::BeginCombo("Colours", rampName(c.ramp))) {
        for (Ramp r : {Ramp::YlOrRd, Ramp::Blues, Ramp::Purples, Ramp::RdBu, Ramp::Viridis})
            if (ImGui::Selectable(rampName(r), r == c.ramp))
                c.ramp = r;
        ImGui::EndCombo();
    }
}

} // namespace

namespace {

// The chart tab: the selected ward (or the study area) and its months and crime types.
void chartTab(MapUiState& ui, const Session& session, const WardCharts& charts) {
    const auto& wards = session.wards().wards;
    if (ui.chart_ward != kStudyArea &&
        (ui.chart_ward < 0 || static_cast<std::size_t>(ui.chart_ward) >= wards.size()))
        ui.chart_ward = kStudyArea;
    const std::string study = "Study area (" + std::to_string(wards.size()) + " wards)";
    const std::string current =
        ui.chart_ward == kStudyArea ? study : wards[static_cast<std::size_t>(ui.chart_ward)].name;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##chart_ward", current.c_str())) {
        if (ImGui::Selectable(study.c_str(), ui.chart_ward == kStudyArea))
            ui.chart_ward = kStudyArea;
        for (std::size_t i = 0; i < wards.size(); ++i)
            if (ImGui::Selectable(wards[i].name.c_str(),
                                  ui.chart_ward == static_cast<std::int32_t>(i)))
                ui.chart_ward = static_cast<std::int32_t>(i);
        ImGui::EndCombo();
    }
    std::vector<Rgba> colours;
    for (const auto& l : session.layers())
        if (l.visible)
            colours.push_back(l.colour);
    drawWardChart(charts, ui.chart_ward, "Incidents per month: " + current, colours);
}

} // namespace

std::optional<Box> drawWardsPanel(MapUiState& ui, const Session& session,
                                  const WardProfile* profile, const WardCharts* charts) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float top = 40 + std::min(460.0f, display.y * 0.55f);
    ImGui::SetNextWindowPos(ImVec2(display.x - 370, top), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(360, std::max(150.0f, display.y - top - 40)),
                             ImGuiCond_FirstUseEver);
    std::optional<Box> zoom;
    if (!ImGui::Begin("Wards")) {
        ImGui::End();
        return zoom;
    }
    choroplethControls(ui.choropleth, profile);
    if (!profile) {
        ImGui::TextDisabled(session.wards().empty() ? "No wards loaded." : "Computing...");
        ImGui::End();
        return zoom;
    }
    if (!ImGui::BeginTabBar("wards_tabs")) {
        ImGui::End();
        return zoom;
    }
    if (ImGui::BeginTabItem("Monthly chart")) {
        if (charts)
            chartTab(ui, session, *charts);
        else
            ImGui::TextDisabled("Computing...");
        ImGui::EndTabItem();
    }
    if (!ImGui::BeginTabItem("Table")) {
        ImGui::EndTabBar();
        ImGui::End();
        return zoom;
    }
    ImGui::TextDisabled("%s to %s, %lld incidents (%lld outside wards)",
                        formatMonth(profile->from).c_str(), formatMonth(profile->to).c_str(),
                        static_cast<long long>(profile->total_in_period),
                        static_cast<long long>(profile->outside_wards));
    const int fixed = 5;
    const int cols = fixed + static_cast<int>(profile->layer_names.size());
    if (ImGui::BeginTable("wards", cols,
                          ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                              ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                              ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("Ward", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableSetupColumn("Count", ImGuiTableColumnFlags_DefaultSort |
                                             ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableSetupColumn("Rate/1k", ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableSetupColumn("Rank");
        ImGui::TableSetupColumn("Change", ImGuiTableColumnFlags_PreferSortDescending);
        for (const auto& n : profile->layer_names)
            ImGui::TableSetupColumn(n.c_str(), ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableHeadersRow();

        std::vector<const WardRow*> rows;
        for (const auto& r : profile->rows)
            rows.push_back(&r);
        int sort_col = 1;
        bool ascending = false;
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount) {
            sort_col = specs->Specs[0].ColumnIndex;
            ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        }
        auto key = [&](const WardRow* r) -> double {
            switch (sort_col) {
            case 1:
                return static_cast<double>(r->count);
            case 2:
                return r->rate_per_1000.value_or(-1e300);
            case 3:
                return r->rank;
            case 4:
                return r->change ? static_cast<double>(*r->change) : -1e300;
            default: {
                const auto l = static_cast<std::size_t>(sort_col - fixed);
                return l < r->layer_counts.size() ? static_cast<double>(r->layer_counts[l]) : 0;
            }
            }
        };
        std::stable_sort(rows.begin(), rows.end(), [&](const WardRow* a, const WardRow* b) {
            if (sort_col == 0)
                return ascending ? a->name < b->name : a->name > b->name;
            return ascending ? key(a) < key(b) : key(a) > key(b);
        });
        for (const WardRow* r : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool chosen = static_cast<std::int32_t>(r->ward) == ui.chart_ward;
            if (ImGui::Selectable(r->name.c_str(), chosen, ImGuiSelectableFlags_SpanAllColumns) &&
                r->ward < session.wards().size()) {
                zoom = session.wards().wards[r->ward].bounds;
                ui.chart_ward = static_cast<std::int32_t>(r->ward); // the chart follows
            }
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(r->count));
            ImGui::TableNextColumn();
            if (r->rate_per_1000)
                ImGui::Text("%.1f", *r->rate_per_1000);
            ImGui::TableNextColumn();
            ImGui::Text("%d", r->rank);
            ImGui::TableNextColumn();
            if (r->change)
                ImGui::Text("%+lld", static_cast<long long>(*r->change));
            else
                ImGui::TextDisabled("n/a");
            for (auto c : r->layer_counts) {
                ImGui::TableNextColumn();
                ImGui::Text("%lld", static_cast<long long>(c));
            }
        }
        ImGui::EndTable();
    }
    ImGui::EndTabItem();
    ImGui::EndTabBar();
    ImGui::End();
    return zoom;
}

} // namespace sw::ui
