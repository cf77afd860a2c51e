// Monthly lines and crime-type bars for the Wards panel.
#include "ui/ward_chart.hpp"

#include "core/month.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace sw::ui {
namespace {

ImU32 colourOf(const Rgba& c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(255 * alpha));
}

// A dashed segment from a to b.
void dashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    for (float t = 0; t < len; t += 6) {
        const float t1 = std::min(len, t + 3);
        dl->AddLine(ImVec2(a.x + dx * t / len, a.y + dy * t / len),
                    ImVec2(a.x + dx * t1 / len, a.y + dy * t1 / len), colour, 1.2f);
    }
}

struct Plot {
    ImVec2 origin, size;
    std::size_t months = 0;
    double top = 1;
    ImVec2 at(std::size_t i, double v) const {
        const float step = months > 1 ? size.x / static_cast<float>(months - 1) : 0;
        return ImVec2(origin.x + step * static_cast<float>(i),
                      origin.y + size.y - static_cast<float>(v / top) * size.y);
    }
};

// One series (solid) and its year-earlier line (dashed); a month without data breaks both.
void drawSeries(ImDrawList* dl, const Plot& p, const MonthlyCounts& m, std::size_t s,
                ImU32 colour) {
    std::optional<ImVec2> last, last_year;
    for (std::size_t i = 0; i < p.months; ++i) {
        const MonthIndex month = m.span.first + static_cast<MonthIndex>(i);
        const auto v = m.at(s, month);
        const auto before = m.at(s, month - 12);
        const std::optional<ImVec2> pt =
            v ? std::optional<ImVec2>(p.at(i, static_cast<double>(*v))) : std::nullopt;
        const std::optional<ImVec2> pb =
            before ? std::optional<ImVec2>(p.at(i, static_cast<double>(*before))) : std::nullopt;
        if (pt && last)
            dl->AddLine(*last, *pt, colour, 2.0f);
        if (pt && !last)
            dl->AddCircleFilled(*pt, 2.0f, colour);
        if (pb && last_year)
            dashedLine(dl, *last_year, *pb, colour);
        last = pt;
        last_year = pb;
    }
}

void hoverReadout(const Plot& p, const MonthlyCounts& m) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (!ImGui::IsItemHovered() || p.months == 0)
        return;
    const float step = p.months > 1 ? p.size.x / static_cast<float>(p.months - 1) : 1;
    const auto i = static_cast<std::size_t>(std::clamp(std::lround((mouse.x - p.origin.x) / step),
                                                       0L, static_cast<long>(p.months) - 1));
    const MonthIndex month = m.span.first + static_cast<MonthIndex>(i);
    std::string text = formatMonth(month);
    for (std::size_t s = 0; s < m.names.size(); ++s) {
        const auto v = m.at(s, month), b = m.at(s, month - 12);
        text += "\n" + m.names[s] + ": " + (v ? std::to_string(*v) : std::string("no data"));
        if (b)
            text += " (a year earlier " + std::to_string(*b) + ")";
    }
    ImGui::SetTooltip("%s", text.c_str());
}

void crimeTypeBars(const WardCharts& charts, std::int32_t ward) {
    const auto types = charts.crimeTypes(ward);
    ImGui::TextDisabled("Crime types, %s to %s (any shown layer)",
                        formatMonth(charts.period.first).c_str(),
                        formatMonth(charts.period.last).c_str());
    if (types.empty()) {
        ImGui::TextDisabled("No incidents in the period.");
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_w = std::min(170.0f, width * 0.5f);
    const double most = static_cast<double>(types.front().count);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < types.size() && i < 10; ++i) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::PushClipRect(p, ImVec2(p.x + label_w - 4, p.y + h), true);
        ImGui::TextUnformatted(types[i].type.c_str());
        ImGui::PopClipRect();
        const float bar =
            static_cast<float>(static_cast<double>(types[i].count) / most) * (width - label_w - 50);
        dl->AddRectFilled(ImVec2(p.x + label_w, p.y + 2), ImVec2(p.x + label_w + bar, p.y + h - 2),
                          IM_COL32(70, 110, 170, 255));
        char n[24];
        std::snprintf(n, sizeof n, "%lld", static_cast<long long>(types[i].count));
        dl->AddText(ImVec2(p.x + label_w + bar + 4, p.y), ImGui::GetColorU32(ImGuiCol_Text), n);
    }
    if (types.size() > 10)
        ImGui::TextDisabled("and %zu more types", types.size() - 10);
}

} // namespace

std::int64_t chartCeiling(std::int64_t largest) {
    std::int64_t step = 1;
    while (true) {
        for (std::int64_t k : {1, 2, 5})
            if (k * step >= largest)
                return std::max<std::int64_t>(1, k * step);
        step *= 10;
    }
}

void drawWardChart(const WardCharts& charts, std::int32_t ward, const std::string& title,
                   const std::vector<Rgba>& colours) {
    const MonthlyCounts m = charts.monthly(ward);
    ImGui::TextUnformatted(title.c_str());
    const std::size_t months = m.has_data.size();
    if (months == 0) {
        ImGui::TextDisabled("No months loaded.");
        return;
    }
    std::int64_t largest = 0;
    for (const auto& series : m.counts)
        for (auto v : series)
            largest = std::max(largest, v);
    const float w = ImGui::GetContentRegionAvail().x, h = 130;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("ward_chart", ImVec2(std::max(w, 60.0f), h + 16));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float axis = 40;
    Plot p{ImVec2(at.x + axis, at.y + 4), ImVec2(std::max(20.0f, w - axis - 8), h - 8), months,
           static_cast<double>(chartCeiling(largest))};
    dl->AddRectFilled(p.origin, ImVec2(p.origin.x + p.size.x, p.origin.y + p.size.y),
                      IM_COL32(255, 255, 255, 255));
    // The period shaded; months without data hatched grey.
    const float step = months > 1 ? p.size.x / static_cast<float>(months - 1) : p.size.x;
    for (std::size_t i = 0; i < months; ++i) {
        const MonthIndex month = m.span.first + static_cast<MonthIndex>(i);
        const float x = p.at(i, 0).x;
        const ImVec2 a(std::max(p.origin.x, x - step / 2), p.origin.y);
        const ImVec2 b(std::min(p.origin.x + p.size.x, x + step / 2), p.origin.y + p.size.y);
        if (!m.has_data[i])
            dl->AddRectFilled(a, b, IM_COL32(200, 200, 200, 120));
        else if (month >= charts.period.first && month <= charts.period.last)
            dl->AddRectFilled(a, b, IM_COL32(210, 225, 245, 255));
    }
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    char label[32];
    std::snprintf(label, sizeof label, "%lld", static_cast<long long>(p.top));
    dl->AddText(ImVec2(at.x, p.origin.y - 2), ink, label);
    dl->AddText(ImVec2(at.x + axis - 12, p.origin.y + p.size.y - 12), ink, "0");
    dl->AddLine(ImVec2(p.origin.x, p.origin.y + p.size.y),
                ImVec2(p.origin.x + p.size.x, p.origin.y + p.size.y), IM_COL32(120, 120, 120, 255));
    for (std::size_t s = 0; s < m.names.size(); ++s)
        drawSeries(dl, p, m, s,
                   colourOf(s < colours.size() ? colours[s] : Rgba{110, 110, 110, 255}));
    const std::string first = formatMonth(m.span.first), last = formatMonth(m.span.last);
    dl->AddText(ImVec2(p.origin.x, p.origin.y + p.size.y + 2), ink, first.c_str());
    const float lw = ImGui::CalcTextSize(last.c_str()).x;
    dl->AddText(ImVec2(p.origin.x + p.size.x - lw, p.origin.y + p.size.y + 2), ink, last.c_str());
    hoverReadout(p, m);
    for (std::size_t s = 0; s < m.names.size(); ++s) {
        const ImVec2 q = ImGui::GetCursorScreenPos();
        const float th = ImGui::GetTextLineHeight();
        dl->AddRectFilled(ImVec2(q.x, q.y + th * 0.3f), ImVec2(q.x + 14, q.y + th * 0.7f),
                          colourOf(s < colours.size() ? colours[s] : Rgba{110, 110, 110, 255}));
        ImGui::Dummy(ImVec2(18, th));
        ImGui::SameLine();
        ImGui::TextUnformatted(m.names[s].c_str());
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Solid: month by month; dashed: the same month a year earlier; blue: the "
                       "period; grey: no data (a gap, not zero).");
    ImGui::PopStyleColor();
    crimeTypeBars(charts, ward);
}

} // namespace sw::ui
