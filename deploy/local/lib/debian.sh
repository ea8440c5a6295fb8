# What the local stack takes from the Debian packages, installed in one apt-get call when missing:
#   postgresql  the database server (run by postgres.sh)
#   kcat        a plain Kafka client: the end-to-end test reads the department task topics with it, and it is
#               the quickest way to look at a topic by hand (kcat -b 127.0.0.1:19092 -C -t <topic> -e)
debian_missing() {
  local missing=()
  [[ -n "$(pg_bin)" ]] || missing+=(postgresql)
  command -v kcat > /dev/null 2>&1 || missing+=(kcat)
  echo "${missing[*]}"
}

debian_prepare() {
  local missing
  read -r -a missing <<< "$(debian_missing)"
  (( ${#missing[@]} == 0 )) && return 0
  log "installing from the Debian packages: ${missing[*]} (apt-get install)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
  [[ -n "$(pg_bin)" ]] || { echo "!! apt-get installed postgresql but no initdb was found" >&2; exit 1; }
  need kcat "apt-get install -y kcat"
}
