// Layer rule editing: draft to rule, preview counts, apply and remove.
#include "ui/layer_draft.hpp"

#include "render/map_geometry.hpp"

#include <algorithm>

namespace sw::ui {
namespace {

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto p = s.find(',', start);
        if (p == std::string::npos)
            p = s.size();
        std::string part = s.substr(start, p - start);
        part.erase(0, part.find_first_not_of(" \t"));
        part.erase(part.find_last_not_of(" \t") + 1);
        if (!part.empty())
            out.push_back(part);
        start = p + 1;
    }
    return out;
}

std::string joinList(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ", ") + x;
    return s;
}

bool keyUsed(const std::vector<LayerRule>& layers, const std::string& key, int except) {
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (static_cast<int>(i) != except && equalsIgnoreCase(layers[i].key, key))
            return true;
    return false;
}

} // namespace

LayerDraft draftFor(const std::vector<LayerRule>& layers, std::size_t index) {
    LayerDraft d;
    d.index = static_cast<int>(std::min(index, layers.size()));
    if (index < layers.size()) {
        const LayerRule& r = layers[index];
        d.name = r.name;
        d.crime_types = r.crime_types;
        d.terms = joinList(r.text_terms);
        d.columns = joinList(r.text_columns);
        d.combine_and = r.combine == LayerRule::Combine::And;
        d.colour = r.colour;
    } else {
        d.name = "New layer";
        d.colour = {0, 160, 200, 255};
    }
    return d;
}

Result<LayerRule> ruleFromDraft(const LayerDraft& d, const std::vector<LayerRule>& layers) {
    if (!d.open())
        return Error{"no layer is being edited"};
    const bool existing = static_cast<std::size_t>(d.index) < layers.size();
    if (!existing && layers.size() >= kMaxLayers)
        return Error{"at most " + std::to_string(kMaxLayers) + " layers"};
    LayerRule r;
    if (existing)
        r = layers[static_cast<std::size_t>(d.index)];
    r.name = d.name;
    r.name.erase(0, r.name.find_first_not_of(" \t"));
    r.name.erase(r.name.find_last_not_of(" \t") + 1);
    r.crime_types = d.crime_types;
    r.text_terms = splitList(d.terms);
    r.text_columns = splitList(d.columns);
    r.combine = d.combine_and ? LayerRule::Combine::And : LayerRule::Combine::Or;
    r.colour = d.colour;
    if (!existing) {
        const std::string base = keyFromName(r.name);
        r.key = base;
        for (int n = 2; keyUsed(layers, r.key, -1); ++n) {
            const std::string suffix = std::to_string(n);
            r.key = base.substr(0, 10 - suffix.size()) + suffix;
        }
    }
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (static_cast<int>(i) != d.index && equalsIgnoreCase(layers[i].name, r.name))
            return Error{"another layer is already called '" + r.name + "'"};
    if (auto st = r.validate(); !st)
        return st.failure();
    return r;
}

void refreshPreview(LayerDraft& d, const std::vector<LayerRule>& layers,
                    const IncidentTable& incidents, std::uint64_t data_generation) {
    if (d.counted_generation != data_generation) {
        d.type_counts = crimeTypeCounts(incidents);
        d.counted_generation = data_generation;
    }
    auto rule = ruleFromDraft(d, layers);
    const std::string text = std::to_string(data_generation) + "|" +
                             (rule ? formatLayerRule(rule.value()) : "!" + rule.error());
    if (text == d.previewed)
        return;
    d.previewed = text;
    d.preview_count = 0;
    if (!rule) {
        d.preview_message = rule.error();
        return;
    }
    d.preview_count = countMatches(rule.value(), incidents);
    const LayerMatcher m(rule.value(), incidents);
    d.preview_message.clear();
    if (!m.unknownTypes().empty())
        d.preview_message = "not in the data: " + joinList(m.unknownTypes());
    if (d.preview_count == 0 && !incidents.empty())
        d.preview_message =
            "matches nothing in the loaded incidents" +
            (d.preview_message.empty() ? std::string() : " (" + d.preview_message + ")");
}

Status applyDraft(LayerDraft& d, std::vector<LayerRule>& layers) {
    auto rule = ruleFromDraft(d, layers);
    if (!rule)
        return rule.failure();
    const auto i = static_cast<std::size_t>(d.index);
    if (i < layers.size())
        layers[i] = std::move(rule.value());
    else
        layers.push_back(std::move(rule.value()));
    return okStatus();
}

void removeLayer(std::vector<LayerRule>& layers, std::vector<float>& weights, std::size_t index) {
    if (index >= layers.size())
        return;
    layers.erase(layers.begin() + static_cast<std::ptrdiff_t>(index));
    if (index < weights.size())
        weights.erase(weights.begin() + static_cast<std::ptrdiff_t>(index));
}

std::vector<TypeCount> crimeTypeCounts(const IncidentTable& t) {
    const auto& values = t.crime_type.values();
    std::vector<std::size_t> n(values.size(), 0);
    for (std::size_t i = 0; i < t.size(); ++i)
        ++n[t.crime_type.code(i)];
    std::vector<TypeCount> out;
    for (std::size_t c = 0; c < values.size(); ++c)
        if (!values[c].empty() && n[c] > 0)
            out.push_back({values[c], n[c]});
    std::stable_sort(out.begin(), out.end(),
                     [](const TypeCount& a, const TypeCount& b) { return a.count > b.count; });
    return out;
}

std::size_t countMatches(const LayerRule& rule, const IncidentTable& t) {
    const LayerMatcher m(rule, t);
    std::size_t n = 0;
    for (std::size_t i = 0; i < t.size(); ++i)
        n += m.matches(t, i) ? 1 : 0;
    return n;
}

} // namespace sw::ui
