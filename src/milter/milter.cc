#include "milter/milter.h"

#include <libmilter/mfapi.h>

#include <cstring>
#include <iostream>
#include <memory>

namespace sendguard {
namespace {

const FilterServices* g_services = nullptr;

// Per MTA connection. Steps the MTA agreed not to wait for (SMFIP_NR_*)
// must answer SMFIS_NOREPLY; a failure in one of them is remembered and
// answered at end of message instead.
struct Connection {
  unsigned long steps = 0;  // negotiated SMFIP_* flags
  bool leading_space = false;
  std::unique_ptr<FilterTransaction> tx;
};

Connection* Conn(SMFICTX* ctx) { return static_cast<Connection*>(smfi_getpriv(ctx)); }

// The reply for a step: none when the MTA does not wait for one.
sfsistat Reply(const Connection* c, unsigned long no_reply_flag, bool ok) {
  if (c != nullptr && (c->steps & no_reply_flag) != 0) return SMFIS_NOREPLY;
  return ok ? SMFIS_CONTINUE : SMFIS_TEMPFAIL;
}

// Asks the MTA to skip what the filter does not use and not to wait for
// replies before end of message: one round trip per message instead of one
// per header.
sfsistat OnNegotiate(SMFICTX* ctx, unsigned long actions, unsigned long steps, unsigned long,
                     unsigned long, unsigned long* want_actions, unsigned long* want_steps,
                     unsigned long* pf2, unsigned long* pf3) {
  auto* c = new (std::nothrow) Connection();
  if (c == nullptr) return SMFIS_REJECT;  // libmilter: refuse the connection (MTA default action)
  smfi_setpriv(ctx, c);
  *want_actions = actions & (SMFIF_ADDHDRS | SMFIF_DELRCPT | SMFIF_QUARANTINE | SMFIF_SETSYMLIST);
  if ((actions & SMFIF_SETSYMLIST) != 0) {
    // Only the queue id, at end of message: no macro traffic before it.
    for (int stage :
         {SMFIM_CONNECT, SMFIM_HELO, SMFIM_ENVFROM, SMFIM_ENVRCPT, SMFIM_DATA, SMFIM_EOH}) {
      (void)smfi_setsymlist(ctx, stage, const_cast<char*>(""));  // best effort
    }
    (void)smfi_setsymlist(ctx, SMFIM_EOM, const_cast<char*>("i"));
  }
  const unsigned long wanted = SMFIP_NOHELO | SMFIP_NOUNKNOWN | SMFIP_NODATA | SMFIP_NR_CONN |
                               SMFIP_NR_MAIL | SMFIP_NR_RCPT | SMFIP_NR_HDR | SMFIP_NR_EOH |
                               SMFIP_NR_BODY | SMFIP_HDR_LEADSPC;
  c->steps = steps & wanted;
  c->leading_space = (c->steps & SMFIP_HDR_LEADSPC) != 0;
  *want_steps = c->steps;
  *pf2 = 0;
  *pf3 = 0;
  return SMFIS_CONTINUE;
}

sfsistat OnConnect(SMFICTX* ctx, char*, _SOCK_ADDR*) {
  return Reply(Conn(ctx), SMFIP_NR_CONN, Conn(ctx) != nullptr);
}

sfsistat OnMailFrom(SMFICTX* ctx, char** argv) {
  Connection* c = Conn(ctx);
  if (c == nullptr) return SMFIS_TEMPFAIL;
  c->tx = std::make_unique<FilterTransaction>(*g_services);
  c->tx->MailFrom(argv[0] != nullptr ? argv[0] : "");
  return Reply(c, SMFIP_NR_MAIL, true);
}

sfsistat OnRcpt(SMFICTX* ctx, char** argv) {
  Connection* c = Conn(ctx);
  if (c == nullptr || !c->tx) return Reply(c, SMFIP_NR_RCPT, false);
  if (argv[0] != nullptr) c->tx->Rcpt(argv[0]);
  return Reply(c, SMFIP_NR_RCPT, true);
}

sfsistat OnHeader(SMFICTX* ctx, char* name, char* value) {
  Connection* c = Conn(ctx);
  if (c == nullptr || !c->tx) return Reply(c, SMFIP_NR_HDR, false);
  std::string_view v = value != nullptr ? value : "";
  // With SMFIP_HDR_LEADSPC the value is exactly what followed the colon.
  if (c->leading_space && !v.empty() && v.front() == ' ') v.remove_prefix(1);
  c->tx->Header(name != nullptr ? name : "", v);
  return Reply(c, SMFIP_NR_HDR, true);
}

sfsistat OnEndOfHeaders(SMFICTX* ctx) {
  Connection* c = Conn(ctx);
  if (c == nullptr || !c->tx) return Reply(c, SMFIP_NR_EOH, false);
  c->tx->EndOfHeaders();
  return Reply(c, SMFIP_NR_EOH, true);
}

sfsistat OnBody(SMFICTX* ctx, unsigned char* data, size_t size) {
  Connection* c = Conn(ctx);
  if (c == nullptr || !c->tx) return Reply(c, SMFIP_NR_BODY, false);
  c->tx->Body(std::string_view(reinterpret_cast<const char*>(data), size));
  return Reply(c, SMFIP_NR_BODY, true);
}

sfsistat OnEndOfMessage(SMFICTX* ctx) {
  Connection* c = Conn(ctx);
  if (c == nullptr || !c->tx) {
    // A step before failed without being able to say so: the message was
    // not collected in full, so it must not pass unchecked.
    smfi_setreply(ctx, const_cast<char*>("451"), const_cast<char*>("4.3.0"),
                  const_cast<char*>("sendguard could not check this message, please try again"));
    return SMFIS_TEMPFAIL;
  }
  if (const char* qid = smfi_getsymval(ctx, const_cast<char*>("i")); qid != nullptr) {
    c->tx->SetQueueId(qid);
  }
  Verdict v = c->tx->Finish();
  c->tx.reset();
  for (const auto& [name, value] : v.add_headers) {
    if (smfi_addheader(ctx, const_cast<char*>(name.c_str()), const_cast<char*>(value.c_str())) !=
        MI_SUCCESS) {
      return SMFIS_TEMPFAIL;  // a header we must add could not be: do not pass it on
    }
  }
  for (const std::string& r : v.delete_recipients) {
    std::string bracketed = "<" + r + ">";
    if (smfi_delrcpt(ctx, const_cast<char*>(bracketed.c_str())) != MI_SUCCESS) {
      return SMFIS_TEMPFAIL;  // the held recipient would still get it
    }
  }
  switch (v.kind) {
    case Verdict::Kind::kAccept:
      return SMFIS_ACCEPT;
    case Verdict::Kind::kDiscard:
      return SMFIS_DISCARD;
    case Verdict::Kind::kReject:
    case Verdict::Kind::kTempfail:
      smfi_setreply(ctx, const_cast<char*>(v.code.c_str()), const_cast<char*>(v.xcode.c_str()),
                    const_cast<char*>(v.text.c_str()));
      return v.kind == Verdict::Kind::kReject ? SMFIS_REJECT : SMFIS_TEMPFAIL;
  }
  return SMFIS_TEMPFAIL;
}

sfsistat OnAbort(SMFICTX* ctx) {
  if (Connection* c = Conn(ctx); c != nullptr) c->tx.reset();
  return SMFIS_CONTINUE;
}

sfsistat OnClose(SMFICTX* ctx) {
  delete Conn(ctx);
  smfi_setpriv(ctx, nullptr);
  return SMFIS_CONTINUE;
}

}  // namespace

Status RunMilter(const std::string& socket, const FilterServices& services) {
  g_services = &services;
  struct smfiDesc desc;
  std::memset(&desc, 0, sizeof desc);
  desc.xxfi_name = const_cast<char*>("sendguard");
  desc.xxfi_version = SMFI_VERSION;
  desc.xxfi_flags = SMFIF_ADDHDRS | SMFIF_DELRCPT | SMFIF_QUARANTINE;
  desc.xxfi_connect = OnConnect;
  desc.xxfi_envfrom = OnMailFrom;
  desc.xxfi_envrcpt = OnRcpt;
  desc.xxfi_header = OnHeader;
  desc.xxfi_eoh = OnEndOfHeaders;
  desc.xxfi_body = OnBody;
  desc.xxfi_eom = OnEndOfMessage;
  desc.xxfi_abort = OnAbort;
  desc.xxfi_close = OnClose;
  desc.xxfi_negotiate = OnNegotiate;
  if (smfi_setconn(const_cast<char*>(socket.c_str())) == MI_FAILURE) {
    return InvalidArgumentError("bad milter socket '" + socket + "'");
  }
  if (smfi_register(desc) == MI_FAILURE) return InternalError("smfi_register failed");
  if (socket.rfind("unix:", 0) == 0 || socket.rfind("local:", 0) == 0) {
    (void)smfi_opensocket(true);  // remove a stale socket file; smfi_main reports real errors
  }
  if (smfi_main() == MI_FAILURE) {
    return UnavailableError("the milter could not listen on '" + socket + "' or failed");
  }
  return Status();
}

}  // namespace sendguard
