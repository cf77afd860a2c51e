// Map geometry hand-off and point rebuilds.
#include "render/map_scene.hpp"

namespace sw {

void MapScene::prepare(const WardSet& wards, const IncidentTable& incidents,
                       const std::vector<LayerRule>& rules) {
    prepared_ = buildMapGeometry(wards, incidents, rules);
}

bool MapScene::installPrepared() {
    if (!prepared_)
        return false;
    geometry_ = std::move(*prepared_);
    prepared_.reset();
    return true;
}

void MapScene::stop() {
    points_job_.stop();
    (void)points_job_.take();
}

bool MapScene::pollPoints(const IncidentTable& incidents, const std::vector<LayerRule>& rules,
                          bool study_area, bool busy) {
    const std::vector<std::string> signature = layerSignatures(rules);
    bool installed = false;
    if (auto r = points_job_.take(); r && r->ok() && r->value().signature == signature) {
        setLayerPoints(geometry_, std::move(r->value()));
        installed = true;
    }
    if (!busy && !points_job_.running() && signature != geometry_.layer_signature) {
        const IncidentTable* table = &incidents;
        const Point origin = geometry_.origin;
        points_job_.start([table, rules, origin, study_area](Progress&) -> Result<LayerPoints> {
            return buildLayerPoints(*table, rules, origin, study_area);
        });
    }
    return installed;
}

void MapScene::releaseUploaded() {
    geometry_.outline_vertices.clear();
    geometry_.layer_points.clear();
}

} // namespace sw
