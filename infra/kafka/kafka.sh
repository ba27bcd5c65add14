#!/usr/bin/env bash
# Provisions, starts and stops a real single-node Apache Kafka broker (KRaft, broker+controller in one
# process) without Docker: the broker's jars come from Maven Central through Maven and are cached in
# .cache/kafka/<version>/ so that later runs need no network.
#
#   infra/kafka/kafka.sh provision   download the jars (once)
#   infra/kafka/kafka.sh start       provision, format storage when new, start, wait until it serves metadata
#   infra/kafka/kafka.sh stop        stop the broker this checkout started (SIGTERM, then SIGKILL after 30 s)
#   infra/kafka/kafka.sh status      exit 0 when the broker answers metadata requests
#   infra/kafka/kafka.sh reset       stop and delete its data
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1), KAFKA_VERSION, KAFKA_HEAP (512m),
# KAFKA_START_TIMEOUT (60 s), KAFKA_DATA_DIR. When KAFKA_BROKERS is set, that cluster is used: start
# only checks it answers and starts nothing.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
KAFKA_VERSION="${KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/pom.xml")}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
CACHE_DIR="${MERCADO_CACHE_DIR:-$ROOT/.cache}/kafka"
LIBS_DIR="$CACHE_DIR/$KAFKA_VERSION/libs"
RUN_DIR="${KAFKA_DATA_DIR:-$CACHE_DIR/run-$KAFKA_PORT}"
PID_FILE="$RUN_DIR/kafka.pid"

log() { printf '[kafka] %s\n' "$*" >&2; }
die() { printf '[kafka] error: %s\n' "$*" >&2; exit 1; }

require_java() {
  command -v java >/dev/null || die "java not found on PATH. Kafka needs Java 17 or newer: apt-get install openjdk-17-jre-headless (or set JAVA_HOME/PATH)."
  local major
  major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')"
  [ "${major:-0}" -ge 17 ] || die "java $major found; Kafka $KAFKA_VERSION needs Java 17 or newer."
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

provision() {
  if [ -f "$LIBS_DIR/.complete" ]; then return 0; fi
  require_java
  command -v mvn >/dev/null || die "mvn not found on PATH. The broker's jars are fetched from Maven Central with Maven: apt-get install maven."
  log "provisioning Kafka $KAFKA_VERSION from Maven Central into ${LIBS_DIR#$ROOT/}"
  rm -rf "$LIBS_DIR" && mkdir -p "$LIBS_DIR"
  if ! timeout "${KAFKA_PROVISION_TIMEOUT:-600}" mvn -q -B -f "$HERE/pom.xml" \
      -Dkafka.version="$KAFKA_VERSION" \
      -Dmaven.wagon.http.retryHandler.count=2 \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS_DIR" >"$CACHE_DIR/provision.log" 2>&1; then
    tail -n 20 "$CACHE_DIR/provision.log" >&2 || true
    rm -rf "$LIBS_DIR"
    die "downloading Kafka $KAFKA_VERSION from Maven Central failed (log above, full log in ${CACHE_DIR#$ROOT/}/provision.log). Check network access to Maven Central or your ~/.m2/settings.xml mirror, then run again."
  fi
  ls "$LIBS_DIR"/kafka_2.13-*.jar >/dev/null 2>&1 || die "Maven finished but no kafka_2.13 jar is in $LIBS_DIR"
  touch "$LIBS_DIR/.complete"
}

ready() {
  # Port first (instant), then a real metadata request through the Admin client.
  port_open "$KAFKA_PORT" || return 1
  java -cp "$LIBS_DIR/*" "$HERE/KafkaReady.java" "127.0.0.1:$KAFKA_PORT" 4000 >/dev/null 2>&1
}

write_config() {
  mkdir -p "$RUN_DIR/data"
  cat >"$RUN_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$RUN_DIR/data
num.partitions=3
# One node: every internal topic must have replication factor 1, or consumer groups never find a coordinator.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
# Topics are provisioned by the services from the event catalog; a typo must not create a topic.
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
log.retention.hours=-1
log.segment.bytes=268435456
PROPS
}

start() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then
    log "KAFKA_BROKERS=$KAFKA_BROKERS is set: using that cluster, starting nothing"
    require_java; provision
    java -cp "$LIBS_DIR/*" "$HERE/KafkaReady.java" "${KAFKA_BROKERS%%,*}" 8000 \
      || die "KAFKA_BROKERS=$KAFKA_BROKERS does not answer. Start that cluster, or unset KAFKA_BROKERS to let this script start a local broker."
    return 0
  fi
  require_java
  provision
  if pid_alive; then
    if ready; then log "already running (pid $(cat "$PID_FILE")) on 127.0.0.1:$KAFKA_PORT"; return 0; fi
  fi
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$port"; then
      local who
      who="$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*users:((\("[^"]*",pid=[0-9]*\).*/\1/p' | head -n1)"
      die "port $port is already taken${who:+ by $who}. Stop that process, or choose other ports: KAFKA_PORT=19092 infra/kafka/kafka.sh start (and KAFKA_BROKERS=127.0.0.1:19092 for the services)."
    fi
  done
  write_config
  if [ ! -f "$RUN_DIR/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$(java -cp "$LIBS_DIR/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
    java -cp "$LIBS_DIR/*" -Dkafka.logs.file="$RUN_DIR/format.log" -Dlog4j2.configurationFile="$HERE/log4j2.properties" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$RUN_DIR/server.properties" >"$RUN_DIR/format.out" 2>&1 \
      || { cat "$RUN_DIR/format.out" >&2; die "formatting KRaft storage in $RUN_DIR failed"; }
  fi
  log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (heap $KAFKA_HEAP, data ${RUN_DIR#$ROOT/})"
  # setsid: the broker gets its own session so that Ctrl-C in a terminal reaches only our supervisor,
  # which then stops the broker cleanly.
  setsid java -Xms256m -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dkafka.logs.file="$RUN_DIR/server.log" -Dlog4j2.configurationFile="$HERE/log4j2.properties" \
    -cp "$LIBS_DIR/*" kafka.Kafka "$RUN_DIR/server.properties" >"$RUN_DIR/stdout.log" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  until ready; do
    if ! pid_alive; then
      tail -n 30 "$RUN_DIR/stdout.log" "$RUN_DIR/server.log" 2>/dev/null >&2 || true
      die "the broker exited during start-up (logs above; ${RUN_DIR#$ROOT/}/server.log)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      stop || true
      die "the broker did not serve metadata within ${KAFKA_START_TIMEOUT}s; see ${RUN_DIR#$ROOT/}/server.log"
    fi
    sleep 0.5
  done
  log "ready: KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT (pid $(cat "$PID_FILE"))"
}

stop() {
  if ! pid_alive; then rm -f "$PID_FILE"; log "not running"; return 0; fi
  local pid
  pid="$(cat "$PID_FILE")"
  log "stopping broker pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; log "stopped"; return 0; }
    sleep 0.5
  done
  log "broker did not stop within 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
}

status() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then
    provision; java -cp "$LIBS_DIR/*" "$HERE/KafkaReady.java" "${KAFKA_BROKERS%%,*}" 4000; return
  fi
  provision
  if ready; then log "running on 127.0.0.1:$KAFKA_PORT${PID_FILE:+ (pid $(cat "$PID_FILE" 2>/dev/null || echo '?'))}"; else log "not answering on 127.0.0.1:$KAFKA_PORT"; return 1; fi
}

case "${1:-}" in
  provision) require_java; provision ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) stop; rm -rf "$RUN_DIR"; log "deleted ${RUN_DIR#$ROOT/}" ;;
  *) echo "usage: $0 provision|start|stop|status|reset" >&2; exit 2 ;;
esac
