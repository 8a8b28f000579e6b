#include "policy/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>

#include "policy/policy_parse.h"
#include "util/yaml_config.h"

namespace sendguard {
namespace config_internal {
namespace {

// One item of content.rules (a regular expression) or content.dictionaries
// (a list of words), checked on its own and against the ids before it.
void ParseCustomRule(const std::string& name, const YAML::Node& n, bool dictionary,
                     ContentConfig* content) {
  const std::string where = dictionary ? "content.dictionaries" : "content.rules";
  CustomRule r;
  r.dictionary = dictionary;
  std::string confidence = "medium";
  std::string pattern;
  std::map<std::string, Handler> handlers = {
      {"id", Text(name, where + ".id", &r.id)},
      {"category", Text(name, where + ".category", &r.category)},
      {"description", Text(name, where + ".description", &r.description)},
      {"case_sensitive", Flag(name, where + ".case_sensitive", &r.case_sensitive)},
      {"keywords", List(name, where + ".keywords", &r.keywords)},
      {"require_keywords", Flag(name, where + ".require_keywords", &r.require_keywords)},
      {"proximity", Number<std::size_t>(name, where + ".proximity", &r.proximity, 0, 100000)},
      {"confidence", Text(name, where + ".confidence", &confidence)},
  };
  if (dictionary) {
    handlers["words"] = List(name, where + ".words", &r.patterns);
  } else {
    handlers["pattern"] = Text(name, where + ".pattern", &pattern);
    handlers["validator"] = Text(name, where + ".validator", &r.validator);
  }
  ForEachKey(name, n, where + " item", handlers);
  if (!pattern.empty()) r.patterns.push_back(pattern);
  std::optional<Confidence> c = ParseConfidence(confidence);
  if (!c) throw ConfigError(name, n, where + ".confidence must be low, medium or high");
  r.confidence = *c;
  Status st = CheckCustomRule(r);
  if (!st.ok()) throw ConfigError(name, n, st.message());
  bool taken = std::any_of(content->rules.begin(), content->rules.end(),
                           [&](const CustomRule& o) { return o.id == r.id; });
  for (const DetectorDef& d : BuiltinDetectors()) taken |= d.id == r.id;
  if (taken) throw ConfigError(name, n, "detector id '" + r.id + "' is already taken");
  content->rules.push_back(std::move(r));
}

Handler ContentSection(const std::string& name, ContentConfig* content) {
  return [=](const YAML::Node& n) {
    auto items = [=](bool dictionary) {
      return [=](const YAML::Node& list) {
        if (!list.IsSequence()) throw ConfigError(name, list, "must be a list");
        for (const auto& item : list) ParseCustomRule(name, item, dictionary, content);
      };
    };
    ForEachKey(name, n, "content",
               {
                   {"disabled",
                    [=](const YAML::Node& list) {
                      content->disabled = Strings(name, list, "content.disabled");
                      std::vector<DetectorDef> builtin = BuiltinDetectors();
                      for (const std::string& id : content->disabled) {
                        if (std::none_of(builtin.begin(), builtin.end(),
                                         [&](const DetectorDef& d) { return d.id == id; })) {
                          throw ConfigError(name, list, "no built-in detector '" + id + "'");
                        }
                      }
                    }},
                   {"rules", items(false)},
                   {"dictionaries", items(true)},
               });
  };
}

Handler OrganizationSection(const std::string& name, RecipientOptions* r) {
  return [=](const YAML::Node& n) {
    ForEachKey(
        name, n, "organization",
        {
            {"domains", List(name, "organization.domains", &r->own_domains)},
            {"trusted_domains", List(name, "organization.trusted_domains", &r->trusted_domains)},
            {"protected_domains",
             List(name, "organization.protected_domains", &r->protected_domains)},
        });
  };
}

Handler RecipientsSection(const std::string& name, RecipientOptions* r) {
  return [=](const YAML::Node& n) {
    ForEachKey(
        name, n, "recipients",
        {
            {"sensitive_suffixes",
             List(name, "recipients.sensitive_suffixes", &r->sensitive_suffixes)},
            {"webmail_domains",
             List(name, "recipients.webmail_domains", &r->extra_webmail_domains)},
            {"min_ratio", Number<double>(name, "recipients.min_ratio", &r->min_ratio, 1.0, 1e9)},
            {"min_intended_messages",
             Number<std::uint64_t>(name, "recipients.min_intended_messages",
                                   &r->min_intended_messages, 0, 1ULL << 62)},
            {"established_messages",
             Number<std::uint64_t>(name, "recipients.established_messages",
                                   &r->established_messages, 1, 1ULL << 62)},
            {"bundled_domains", Flag(name, "recipients.bundled_domains", &r->bundled_domains)},
            {"two_slip_targets", Number<std::size_t>(name, "recipients.two_slip_targets",
                                                     &r->two_slip_targets, 0, 1000000)},
            {"per_sender", Flag(name, "recipients.per_sender", &r->per_sender)},
            {"mailing_lists", List(name, "recipients.mailing_lists", &r->mailing_lists)},
            {"role_local_parts", List(name, "recipients.role_local_parts", &r->role_local_parts)},
            {"visible_external", Number<std::size_t>(name, "recipients.visible_external",
                                                     &r->visible_external, 1, 100000)},
            {"visible_domains", Number<std::size_t>(name, "recipients.visible_domains",
                                                    &r->visible_domains, 1, 100000)},
            {"contact_cache_mb", Number<std::size_t>(name, "recipients.contact_cache_mb",
                                                     &r->contact_cache_mb, 1, 1 << 20)},
        });
  };
}

Handler LimitsSection(const std::string& name, Limits* l, long* max_time_ms, long* ocr_ms) {
  return [=](const YAML::Node& n) {
    const std::size_t kMax = std::size_t{1} << 40;
    ForEachKey(
        name, n, "limits",
        {
            {"max_message_bytes", Number<std::size_t>(name, "limits.max_message_bytes",
                                                      &l->max_message_bytes, 1024, kMax)},
            {"max_depth", Number<int>(name, "limits.max_depth", &l->max_depth, 0, 64)},
            {"max_parts", Number<int>(name, "limits.max_parts", &l->max_parts, 1, 1000000)},
            {"max_header_fields",
             Number<int>(name, "limits.max_header_fields", &l->max_header_fields, 1, 10000000)},
            {"max_header_bytes", Number<std::size_t>(name, "limits.max_header_bytes",
                                                     &l->max_header_bytes, 1024, kMax)},
            {"max_addresses",
             Number<int>(name, "limits.max_addresses", &l->max_addresses, 1, 10000000)},
            {"max_total_addresses",
             Number<int>(name, "limits.max_total_addresses", &l->max_total_addresses, 1, 10000000)},
            {"max_multipart_nesting", Number<int>(name, "limits.max_multipart_nesting",
                                                  &l->max_multipart_nesting, 1, 100000)},
            {"max_archive_members",
             Number<int>(name, "limits.max_archive_members", &l->max_archive_members, 0, 10000000)},
            {"max_member_bytes",
             Number<std::size_t>(name, "limits.max_member_bytes", &l->max_member_bytes, 1, kMax)},
            {"max_expanded_bytes", Number<std::size_t>(name, "limits.max_expanded_bytes",
                                                       &l->max_expanded_bytes, 1, kMax)},
            {"max_expansion_ratio",
             Number<double>(name, "limits.max_expansion_ratio", &l->max_expansion_ratio, 1.0, 1e9)},
            {"max_text_bytes",
             Number<std::size_t>(name, "limits.max_text_bytes", &l->max_text_bytes, 0, kMax)},
            {"max_pdf_pages",
             Number<int>(name, "limits.max_pdf_pages", &l->max_pdf_pages, 0, 1000000)},
            {"max_time_ms", Number<long>(name, "limits.max_time_ms", max_time_ms, 1, 3600000)},
            {"ocr_pages", Number<int>(name, "limits.ocr_pages", &l->ocr_pages, 0, 100000)},
            {"ocr_ms", Number<long>(name, "limits.ocr_ms", ocr_ms, 0, 3600000)},
            {"max_ocr_pixels", Number<std::uint64_t>(name, "limits.max_ocr_pixels",
                                                     &l->max_ocr_pixels, 1, 1ULL << 40)},
        });
  };
}

}  // namespace

void CoreSections::AddTo(std::map<std::string, Handler>* handlers) {
  Config& c = *config_;
  max_time_ms_ = static_cast<long>(c.limits.max_time.count());
  ocr_ms_ = static_cast<long>(c.limits.ocr_time.count());
  (*handlers)["organization"] = OrganizationSection(name_, &c.recipients);
  (*handlers)["recipients"] = RecipientsSection(name_, &c.recipients);
  (*handlers)["content"] = ContentSection(name_, &c.content);
  (*handlers)["policy"] = [this](const YAML::Node& n) {
    ParsePolicy(name_, n, &config_->policy, &detector_refs_);
  };
  (*handlers)["limits"] = LimitsSection(name_, &c.limits, &max_time_ms_, &ocr_ms_);
}

void CoreSections::Finish() {
  config_->limits.max_time = std::chrono::milliseconds(max_time_ms_);
  config_->limits.ocr_time = std::chrono::milliseconds(ocr_ms_);
  // Rules may name detectors of the content section, before or after them.
  std::vector<DetectorDef> builtin = BuiltinDetectors();
  for (const DetectorReference& ref : detector_refs_) {
    bool known = std::any_of(builtin.begin(), builtin.end(),
                             [&](const DetectorDef& d) { return d.id == ref.id; }) ||
                 std::any_of(config_->content.rules.begin(), config_->content.rules.end(),
                             [&](const CustomRule& r) { return r.id == ref.id; });
    if (!known) {
      throw ConfigError(name_ + ":" + std::to_string(ref.line) + ": no detector '" + ref.id +
                        "' (see `sendguard detectors`)");
    }
  }
}

}  // namespace config_internal

Result<Config> ParseConfig(std::string_view yaml, const std::string& name) {
  Config c;
  config_internal::CoreSections core(name, &c);
  Status st = config_internal::ParseYamlDocument(yaml, name, [&](const YAML::Node& root) {
    std::map<std::string, config_internal::Handler> handlers;
    core.AddTo(&handlers);
    config_internal::ForEachKey(name, root, "the configuration", handlers);
    core.Finish();
  });
  if (!st.ok()) return st;
  return c;
}

}  // namespace sendguard
