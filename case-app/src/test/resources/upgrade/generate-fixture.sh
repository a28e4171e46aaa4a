#!/usr/bin/env bash
# Writes the upgrade fixture (docs/runbook.md, "Upgrade safety"): runs the packaged service of the
# release being recorded on a fresh PostgreSQL schema, takes cases through steps that together
# record every event type, then exports the event store rows (domainevententry, event_hash) and
# the case views as the service answers them. Run from the repository root, with the jar of the
# release to record already built (mvn -B -q -pl case-app -am package -DskipTests):
#
#   case-app/src/test/resources/upgrade/generate-fixture.sh case-app/target/case-app-0.1.0-SNAPSHOT.jar release-0.1.0
#
# Needs PostgreSQL (PETITION_TEST_DB_URL, default jdbc:postgresql://127.0.0.1:5432/test), psql, curl, jq.
set -euo pipefail
JAR=${1:?jar of the release to record}
NAME=${2:?fixture name, e.g. release-0.1.0}
OUT="$(dirname "$0")/$NAME"
URL=${PETITION_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
DB=${URL##*/}
SCHEMA=upgrade_fixture_gen
PORT=${PORT:-18765}
PSQL=(psql -h 127.0.0.1 -U "${PETITION_TEST_DB_USER:-postgres}" -d "$DB" -v ON_ERROR_STOP=1 -qAt)
B=http://127.0.0.1:$PORT

"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA"
java -jar "$JAR" --server.port=$PORT --spring.main.banner-mode=off \
  --spring.datasource.url="$URL?currentSchema=$SCHEMA" --spring.datasource.username=postgres \
  --spring.flyway.schemas=$SCHEMA --spring.flyway.default-schema=$SCHEMA \
  --cases.security.demo-data=true --cases.security.bcrypt-strength=4 >/tmp/upgrade-fixture-service.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf $B/actuator/health >/dev/null && break; sleep 1; done

post() { # user path body
  curl -sf -u "$1:demo" -H 'Content-Type: application/json' -d "${3:-{\}}" "$B$2"
}
id() { jq -r .id; }

# A: a simple case through every step (登记 签收 受理 回应 办理见面 处理意见 办结见面 办结)
A=$(post handler /api/cases '{"track":"SIMPLE","channel":"VISIT","category":"COMPLAINT","petitioner":{"name":"张三","idNumber":"411321198005120039","phone":"13812345678","address":"一村三组"},"headcount":1,"subject":"村道损坏","content":"一村至镇区的村道路面塌陷，请求维修。","unit":"town"}' | id)
post handler /api/cases/$A/sign >/dev/null
post handler /api/cases/$A/accept >/dev/null
post handler /api/cases/$A/respond '{"mode":"PHONE","summary":"电话告知已受理"}' >/dev/null
post handler /api/cases/$A/meetings '{"kind":"HANDLING","place":"一村村委会","summary":"现场查看"}' >/dev/null
post handler /api/cases/$A/opinion '{"decision":"SUPPORTED","text":"列入维修计划"}' >/dev/null
post handler /api/cases/$A/meetings '{"kind":"CONCLUSION","place":"信访人家中","summary":"告知维修安排"}' >/dev/null
post handler /api/cases/$A/resolve '{"summary":"村道已修复","satisfaction":"SATISFIED"}' >/dev/null

# B: transfer (转送), return (退回), reclassify (改变办理程序), extend (延期), escalate (提级), waive (见面免除)
B_ID=$(post handler /api/cases '{"track":"SIMPLE","channel":"ONLINE","category":"COMPLAINT","petitioner":{"name":"李四","phone":"0371-62345678"},"subject":"低保申请","content":"申请低保。","unit":"town"}' | id)
post supervisor /api/cases/$B_ID/transfer '{"toUnit":"village-1","reason":"属一村办理"}' >/dev/null
post village1 /api/cases/$B_ID/return '{"reason":"户籍不在本村"}' >/dev/null
post handler /api/cases/$B_ID/sign >/dev/null
post supervisor /api/cases/$B_ID/reclassify '{"track":"GENERAL"}' >/dev/null
post handler /api/cases/$B_ID/accept >/dev/null
post supervisor /api/cases/$B_ID/extend '{"stage":"OPINION","amount":2,"reason":"需调取审核记录"}' >/dev/null
post supervisor /api/cases/$B_ID/escalate '{"reason":"HARD_CASE","leader":"王镇长","plan":"两周内答复"}' >/dev/null
post supervisor /api/cases/$B_ID/meetings/waive '{"kind":"HANDLING","reason":"信访人书面同意不见面"}' >/dev/null

# C: declined (不予受理)
C=$(post handler /api/cases '{"track":"GENERAL","channel":"MAILBOX","category":"ACCUSATION","petitioner":{"name":"王五"},"headcount":6,"subject":"不属受理范围","content":"来信。","unit":"town"}' | id)
post handler /api/cases/$C/sign >/dev/null
post handler /api/cases/$C/decline '{"reason":"属诉讼事项","guidance":"请向人民法院起诉"}' >/dev/null

# D: a back-entered paper record (补录): the saga records warning, breach and escalation at once
D=$(post village1 /api/cases '{"track":"SIMPLE","channel":"LETTER","category":"PROPOSAL","petitioner":{"name":"赵六"},"subject":"建议增设公交站点","content":"纸质来信，补录。","unit":"village-1","occurredAt":"2026-11-20T09:00:00+08:00"}' | id)
sleep 5
post village1 /api/cases/$D/sign '{"occurredAt":"2026-11-20T10:40:00+08:00"}' >/dev/null
sleep 5

# a calendar revision: the open stages counted as if 2027 were Monday to Friday are recomputed
post admin /api/admin/calendar '{"years":{"2027":{"holidays":["2027-01-01"],"workdays":[],"names":{"2027-01-01":"元旦"}}}}' >/dev/null
sleep 5

mkdir -p "$OUT"
"${PSQL[@]}" -c "select json_agg(json_build_object('globalIndex', globalindex, 'aggregateIdentifier', aggregateidentifier,
  'sequenceNumber', sequencenumber, 'type', type, 'eventIdentifier', eventidentifier,
  'metaData', convert_from(metadata, 'UTF8'), 'payload', convert_from(payload, 'UTF8'),
  'payloadRevision', payloadrevision, 'payloadType', payloadtype, 'timestamp', timestamp) order by globalindex)
  from $SCHEMA.domainevententry" | jq . > "$OUT/domainevententry.json"
"${PSQL[@]}" -c "select json_agg(json_build_object('aggregateId', aggregate_id, 'seq', seq, 'eventId', event_id,
  'globalIndex', global_index, 'hash', hash, 'prevHash', prev_hash) order by global_index)
  from $SCHEMA.event_hash" | jq . > "$OUT/event_hash.json"
{
  echo '{'
  first=1
  for c in $("${PSQL[@]}" -c "select distinct aggregateidentifier from $SCHEMA.domainevententry order by 1"); do
    [ $first = 1 ] || echo ','
    first=0
    printf '"%s": ' "$c"
    curl -sf -u supervisor:demo "$B/api/cases/$c?reveal=true"
  done
  echo '}'
} | jq . > "$OUT/views.json"
"${PSQL[@]}" -c "DROP SCHEMA $SCHEMA CASCADE"
echo "fixture written to $OUT: $(jq length "$OUT/domainevententry.json") events, $(jq length "$OUT/views.json") cases"
jq -r '.[].payloadType' "$OUT/domainevententry.json" | sort | uniq -c
