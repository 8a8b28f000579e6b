#include "policy/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>

#include "policy/policy_parse.h"
#include "policy/yaml_helpers.h"
#include "util/mapped_file.h"

namespace sendguard {
namespace {

using namespace config_internal;  // NOLINT

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

}  // namespace

Result<Config> ParseConfig(std::string_view yaml, const std::string& name) {
  Config c;
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsNull()) return c;  // an empty file: all defaults
    RecipientOptions& r = c.recipients;
    Limits& l = c.limits;
    std::size_t kMax = std::size_t{1} << 40;
    long max_time_ms = static_cast<long>(l.max_time.count());
    std::vector<DetectorReference> detector_refs;
    ForEachKey(
        name, root, "the configuration",
        {
            {"organization",
             [&](const YAML::Node& n) {
               ForEachKey(name, n, "organization",
                          {
                              {"domains", List(name, "organization.domains", &r.own_domains)},
                              {"trusted_domains",
                               List(name, "organization.trusted_domains", &r.trusted_domains)},
                              {"protected_domains",
                               List(name, "organization.protected_domains", &r.protected_domains)},
                          });
             }},
            {"recipients",
             [&](const YAML::Node& n) {
               ForEachKey(name, n, "recipients",
                          {
                              {"sensitive_suffixes",
                               List(name, "recipients.sensitive_suffixes", &r.sensitive_suffixes)},
                              {"webmail_domains",
                               List(name, "recipients.webmail_domains", &r.extra_webmail_domains)},
                              {"min_ratio", Number<double>(name, "recipients.min_ratio",
                                                           &r.min_ratio, 1.0, 1e9)},
                              {"min_intended_messages",
                               Number<std::uint64_t>(name, "recipients.min_intended_messages",
                                                     &r.min_intended_messages, 0, 1ULL << 62)},
                              {"established_messages",
                               Number<std::uint64_t>(name, "recipients.established_messages",
                                                     &r.established_messages, 1, 1ULL << 62)},
                          });
             }},
            {"content", ContentSection(name, &c.content)},
            {"serve",
             [&](const YAML::Node& n) {
               ForEachKey(name, n, "serve",
                          {
                              {"milter", Text(name, "serve.milter", &c.serve.milter)},
                              {"http", Text(name, "serve.http", &c.serve.http)},
                              {"store", Text(name, "serve.store", &c.serve.store)},
                              {"audit_log", Text(name, "serve.audit_log", &c.serve.audit_log)},
                          });
             }},
            {"http",
             [&](const YAML::Node& n) {
               HttpConfig& h = c.http;
               ForEachKey(
                   name, n, "http",
                   {
                       {"public_url",
                        [&](const YAML::Node& v) {
                          h.public_url = As<std::string>(name, v, "http.public_url");
                          if (h.public_url.rfind("http://", 0) != 0 &&
                              h.public_url.rfind("https://", 0) != 0) {
                            throw ConfigError(name, v, "http.public_url must start with https://");
                          }
                          while (!h.public_url.empty() && h.public_url.back() == '/')
                            h.public_url.pop_back();
                        }},
                       {"api_tokens", List(name, "http.api_tokens", &h.api_tokens)},
                       {"admin_tokens", List(name, "http.admin_tokens", &h.admin_tokens)},
                       {"link_ttl_hours",
                        Number<int>(name, "http.link_ttl_hours", &h.link_ttl_hours, 1, 24 * 90)},
                       {"sender_can_send_as_written", Flag(name, "http.sender_can_send_as_written",
                                                           &h.sender_can_send_as_written)},
                       {"max_body_bytes", Number<std::size_t>(name, "http.max_body_bytes",
                                                              &h.max_body_bytes, 1024, 1u << 30)},
                       {"timeout_seconds",
                        Number<int>(name, "http.timeout_seconds", &h.timeout_seconds, 1, 3600)},
                       {"tls_cert", Text(name, "http.tls_cert", &h.tls_cert)},
                       {"tls_key", Text(name, "http.tls_key", &h.tls_key)},
                   });
               for (const auto* list : {&h.api_tokens, &h.admin_tokens}) {
                 for (const std::string& t : *list) {
                   if (t.size() < 16) {
                     throw ConfigError(name, n, "http tokens need 16 characters or more");
                   }
                 }
               }
               if (h.tls_cert.empty() != h.tls_key.empty()) {
                 throw ConfigError(name, n, "http.tls_cert and http.tls_key go together");
               }
             }},
            {"delivery",
             [&](const YAML::Node& n) {
               ForEachKey(name, n, "delivery",
                          {
                              {"relay",
                               [&](const YAML::Node& v) {
                                 c.relay.url = As<std::string>(name, v, "delivery.relay");
                                 if (c.relay.url.rfind("smtp://", 0) != 0 &&
                                     c.relay.url.rfind("smtps://", 0) != 0) {
                                   throw ConfigError(name, v,
                                                     "delivery.relay must be smtp://HOST:PORT "
                                                     "or smtps://HOST:PORT");
                                 }
                               }},
                              {"timeout_ms", Number<long>(name, "delivery.timeout_ms",
                                                          &c.relay.timeout_ms, 100, 600000)},
                          });
             }},
            {"notice",
             [&](const YAML::Node& n) {
               ForEachKey(name, n, "notice",
                          {
                              {"enabled", Flag(name, "notice.enabled", &c.notice.enabled)},
                              {"from", Text(name, "notice.from", &c.notice.from)},
                              {"subject", Text(name, "notice.subject", &c.notice.subject)},
                              {"body", Text(name, "notice.body", &c.notice.body)},
                          });
             }},
            {"policy",
             [&](const YAML::Node& n) { ParsePolicy(name, n, &c.policy, &detector_refs); }},
            {"limits",
             [&](const YAML::Node& n) {
               ForEachKey(
                   name, n, "limits",
                   {
                       {"max_message_bytes", Number<std::size_t>(name, "limits.max_message_bytes",
                                                                 &l.max_message_bytes, 1024, kMax)},
                       {"max_depth", Number<int>(name, "limits.max_depth", &l.max_depth, 0, 64)},
                       {"max_parts",
                        Number<int>(name, "limits.max_parts", &l.max_parts, 1, 1000000)},
                       {"max_archive_members", Number<int>(name, "limits.max_archive_members",
                                                           &l.max_archive_members, 0, 10000000)},
                       {"max_member_bytes", Number<std::size_t>(name, "limits.max_member_bytes",
                                                                &l.max_member_bytes, 1, kMax)},
                       {"max_expanded_bytes", Number<std::size_t>(name, "limits.max_expanded_bytes",
                                                                  &l.max_expanded_bytes, 1, kMax)},
                       {"max_expansion_ratio", Number<double>(name, "limits.max_expansion_ratio",
                                                              &l.max_expansion_ratio, 1.0, 1e9)},
                       {"max_text_bytes", Number<std::size_t>(name, "limits.max_text_bytes",
                                                              &l.max_text_bytes, 0, kMax)},
                       {"max_pdf_pages",
                        Number<int>(name, "limits.max_pdf_pages", &l.max_pdf_pages, 0, 1000000)},
                       {"max_time_ms",
                        Number<long>(name, "limits.max_time_ms", &max_time_ms, 1, 3600000)},
                   });
             }},
        });
    l.max_time = std::chrono::milliseconds(max_time_ms);
    // Rules may name detectors of the content section, before or after them.
    std::vector<DetectorDef> builtin = BuiltinDetectors();
    for (const DetectorReference& ref : detector_refs) {
      bool known = std::any_of(builtin.begin(), builtin.end(),
                               [&](const DetectorDef& d) { return d.id == ref.id; }) ||
                   std::any_of(c.content.rules.begin(), c.content.rules.end(),
                               [&](const CustomRule& r) { return r.id == ref.id; });
      if (!known) {
        return InvalidArgumentError(name + ":" + std::to_string(ref.line) + ": no detector '" +
                                    ref.id + "' (see `sendguard detectors`)");
      }
    }
  } catch (const ConfigError& e) {
    return InvalidArgumentError(e.text());
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return c;
}

Result<Config> LoadConfig(const std::string& path) {
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  return ParseConfig(file->data(), path);
}

}  // namespace sendguard
