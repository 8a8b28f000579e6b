# Shared by tests/postfix_test.sh and bench/milter_bench.sh: a private
# Postfix instance on loopback (Debian 12, as root), relaying everything to
# smtp-sink. Source it; it defines functions only.

# pf_write_config CONF_DIR WORK_DIR PORT REINJECT_PORT SINK_PORT MILTER_SOCKET
#   MILTER_SOCKET "" runs Postfix without the milter.
pf_write_config() {
  local conf=$1 tmp=$2 port=$3 reinject=$4 sink=$5 milter=$6
  mkdir -p "$conf" "$tmp/data" "$tmp/queue"
  chown postfix "$tmp/data"
  # Postfix reads a private configuration directory only when the default
  # main.cf lists it.
  touch /etc/postfix/main.cf
  grep -q '^compatibility_level' /etc/postfix/main.cf ||
    echo 'compatibility_level = 3.6' >>/etc/postfix/main.cf
  local dirs
  dirs=$(sed -n 's/^alternate_config_directories *= *//p' /etc/postfix/main.cf)
  case " $dirs " in
    *" $conf "*) ;;
    *)
      sed -i '/^alternate_config_directories/d' /etc/postfix/main.cf
      echo "alternate_config_directories = $dirs $conf" >>/etc/postfix/main.cf
      ;;
  esac
  cat >"$conf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $tmp/queue
data_directory = $tmp/data
maillog_file = $tmp/maillog
maillog_file_prefixes = /tmp
myhostname = mx.army.mil
mydomain = army.mil
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost = [127.0.0.1]:$sink
disable_dns_lookups = yes
smtp_dns_support_level = disabled
default_process_limit = 100
smtpd_milters = $milter
milter_default_action = tempfail
milter_protocol = 6
milter_connect_timeout = 5s
milter_content_timeout = 60s
# sendguard needs no macros but the queue id at end of message: every macro
# is one more milter command (and round of system calls) per message.
milter_connect_macros =
milter_helo_macros =
milter_mail_macros =
milter_rcpt_macros =
milter_data_macros =
milter_end_of_header_macros =
milter_unknown_command_macros =
milter_end_of_data_macros = i
CF
  cat >"$conf/master.cf" <<CF
127.0.0.1:$port inet n - n - - smtpd
127.0.0.1:$reinject inet n - n - - smtpd -o smtpd_milters= -o syslog_name=postfix/reinject
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
CF
}

# pf_start CONF_DIR WORK_DIR PORT: starts Postfix and waits for its port.
pf_start() {
  script -qc "postfix -c $1 start" /dev/null >"$2/start.out" 2>&1
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$3") 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$2/start.out" "$2/maillog" 2>/dev/null
  return 1
}

# pf_wait_gone PID: waits (up to 10 s) until a process has exited.
pf_wait_gone() {
  for _ in $(seq 100); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# pf_forget CONF_DIR: takes CONF_DIR out of the default main.cf again.
pf_forget() {
  sed -i "/^alternate_config_directories/s# $1\b##" /etc/postfix/main.cf 2>/dev/null
}
