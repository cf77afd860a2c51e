// A report on A4 pages through Cairo's PDF surface: vector text (searchable), vector charts
// and maps (a density surface embedded as an image at its grid's resolution), tables that
// continue on the next page under their header, a footer and page number on every page.
#pragma once

#include "print/report_document.hpp"

namespace sw {

Result<WrittenReport> writeReportPdf(const std::string& path, const ReportDocument& doc);

} // namespace sw
