// The board report's closing section, "Method, sources and disclosure": how the figures were
// made, what the disclosure rule withheld (the tables' and the district figures') and why,
// the sources by the file names given, and the attribution.
#pragma once

#include "session/board_report.hpp"

#include <string>

namespace sw {

void boardMethod(ReportDocument& doc, const Session& session, const BoardReportRequest& request,
                 const PackContent& content, const BoardReportResult& result,
                 const std::string& attribution);

} // namespace sw
