// The Load report panel: rows read, kept and rejected per file, with reasons and lines.
#pragma once

#include "session/session.hpp"

#include <string>

namespace sw::ui {

void drawLoadReportPanel(const Session& session, const std::string& last_error, bool loading,
                         double fraction);

} // namespace sw::ui
