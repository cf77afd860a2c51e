// A report as one self-contained HTML file: headings, paragraphs and tables as HTML (the
// numbers are text a reader or a script can take), charts as inline SVG drawn by the same
// Cairo code as the PDF's, and maps as embedded PNG images. No external files or fetches.
#pragma once

#include "print/report_document.hpp"

namespace sw {

Result<WrittenReport> writeReportHtml(const std::string& path, const ReportDocument& doc);

} // namespace sw
