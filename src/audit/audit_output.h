// Writing an audit report: a table for the terminal, JSON Lines, CSV, and a
// self-contained HTML page with charts for a security officer to forward.

#ifndef SENDGUARD_AUDIT_AUDIT_OUTPUT_H_
#define SENDGUARD_AUDIT_AUDIT_OUTPUT_H_

#include <ostream>
#include <string>

#include "audit/log_audit.h"

namespace sendguard {

// One JSON object per suspect domain, then {"summary": {...}}; one per line.
void WriteAuditJson(const AuditReport& report, std::ostream& out);

// A header row, then one row per suspect domain (lists joined with ';').
void WriteAuditCsv(const AuditReport& report, std::ostream& out);

// Aligned columns per suspect domain, totals per intended domain, and what
// was read.
void WriteAuditTable(const AuditReport& report, std::ostream& out);

// A single HTML document with no external resources: totals, a chart of
// suspect messages per day, the top suspect domains, and the tables.
// `generated` is the time stamp printed on it.
void WriteAuditHtml(const AuditReport& report, const std::string& generated, std::ostream& out);

}  // namespace sendguard

#endif  // SENDGUARD_AUDIT_AUDIT_OUTPUT_H_
