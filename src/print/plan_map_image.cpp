// Cairo drawing of the plan map: a title band over the map figure.
#include "print/plan_map_image.hpp"

#include "core/atomic_file.hpp"
#include "print/map_drawing.hpp"

namespace sw {
namespace {

Status writePngAtomically(cairo_surface_t* surface, const std::string& file) {
    TemporaryFile tmp(file);
    const cairo_status_t st = cairo_surface_write_to_png(surface, tmp.path().c_str());
    if (st != CAIRO_STATUS_SUCCESS)
        return Error{file + ": cannot write the map image (" +
                     std::string(cairo_status_to_string(st)) + ")"};
    return tmp.commit();
}

} // namespace

Status writePlanMapPng(const std::string& file, const PlanMapImage& im) {
    constexpr double kHeader = 92, kMargin = 24;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, im.width, im.height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    MapFigure fig;
    fig.wards = im.wards;
    fig.ward_labels = im.ward_labels;
    fig.outlines = im.hotspots;
    fig.outline_label = im.hotspot_label;
    fig.areas = im.areas;
    fig.attribution = im.attribution;
    print::drawMapFigure(cr,
                         {kMargin, kHeader, im.width - 2 * kMargin, im.height - kHeader - kMargin},
                         fig, im.width / 1600.0);
    print::plainText(cr, kMargin, 42, im.title, 28, true);
    print::plainText(cr, kMargin, 74, im.subtitle, 16);
    cairo_destroy(cr);
    Status st = writePngAtomically(surface, file);
    cairo_surface_destroy(surface);
    return st;
}

} // namespace sw
