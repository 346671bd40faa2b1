#!/bin/sh
# `mclsched replan`: an unchanged school keeps the frozen blocks byte for
# byte and verifies; a facilitator's absence after --after is planned
# around and verifies; a learner who left is dropped with a warning;
# compare on a replan; a power-goal school's cover; the kept plan
# re-seated with the keep term on a zoo school, then re-planned block by
# block with the keep term; a lab room freed for the
# absent facilitator's learners; usage and input errors
# (an unknown --after, a previous schedule that does
# not resolve, a frozen block the changed school no longer allows).
set -u
. tests/support/cli.sh
# rows of blocks Mon1 .. Wed5 (the frozen part with --after Wed5) of a file
# whose block_id is column $2
frozen() {
	awk -F, -v c="$2" 'NR > 1 && $c ~ /^(Mon|Tue|Wed)[1-5]$/' "$1"
}
metric() {
	awk -F, -v m="$2" '$1 == m { print $2 }' "$1/summary.csv"
}

expect_exit 0 "$BIN" solve examples/small -o "$T/prev" -q --time-limit 5

# 1. nothing changed: the frozen rows are byte-identical, the result verifies
expect_exit 0 "$BIN" replan examples/small "$T/prev" --after Wed5 -o "$T/same" -q --time-limit 6
expect_exit 0 "$BIN" verify examples/small "$T/same"
for f in timetable:2 sessions:5; do
	name=${f%:*}
	col=${f#*:}
	frozen "$T/prev/$name.csv" "$col" >"$T/a"
	frozen "$T/same/$name.csv" "$col" >"$T/b"
	[ -s "$T/a" ] || fail "no frozen rows in $name.csv"
	cmp -s "$T/a" "$T/b" || fail "frozen rows of $name.csv differ: $(diff "$T/a" "$T/b" | head -4)"
done
changed=$(metric "$T/same" learner_blocks_changed)
rows=$(($(wc -l <"$T/same/changes.csv") - 1))
[ -n "$changed" ] && [ "$changed" -eq "$rows" ] ||
	fail "learner_blocks_changed '$changed' but changes.csv has $rows rows"
head -1 "$T/same/changes.csv" | grep -qx \
	"learner_id,block_id,before_session_id,before_offering_id,after_session_id,after_offering_id" ||
	fail "changes.csv header: $(head -1 "$T/same/changes.csv")"
[ -n "$(metric "$T/same" learner_blocks_changed_pct)" ] || fail "no learner_blocks_changed_pct"

# 2. F004 absent on Thursday and Friday: planned around, verified
cp -r examples/small "$T/absent"
sed -i 's/^F004,\([^,]*\),12,.*/F004,\1,12,Thu1;Thu2;Thu3;Thu4;Thu5;Fri1;Fri2;Fri3;Fri4;Fri5/' \
	"$T/absent/facilitators.csv"
grep -q '^F004,.*,Thu1;' "$T/absent/facilitators.csv" || fail "test setup: F004 not made absent"
expect_exit 0 "$BIN" replan "$T/absent" "$T/prev" --after Wed5 -o "$T/cover" -q --time-limit 6
expect_exit 0 "$BIN" verify "$T/absent" "$T/cover"
awk -F, '$7 == "F004" && $5 ~ /^(Thu|Fri)/' "$T/cover/sessions.csv" | grep -q . &&
	fail "F004 leads a session while absent"
frozen "$T/prev/timetable.csv" 2 >"$T/a"
frozen "$T/cover/timetable.csv" 2 >"$T/b"
cmp -s "$T/a" "$T/b" || fail "absence: frozen timetable rows differ"

# 2b. report.html's "What changed": one line per changes.csv row, in the
# navigation; absent when nothing changed and in a plain solve
rows=$(($(wc -l <"$T/cover/changes.csv") - 1))
[ "$rows" -gt 0 ] || fail "test setup: F004's absence changed nothing"
grep -q '<section id="changes"' "$T/cover/report.html" || fail "no What changed section"
grep -q 'href="#changes"' "$T/cover/report.html" || fail "What changed not in the navigation"
lis=$(sed -n '/<section id="changes"/,/<\/section>/p' "$T/cover/report.html" | grep -c '^<li>.*: from ')
[ "$lis" -eq "$rows" ] || fail "What changed has $lis lines, changes.csv $rows rows"
l1=$(awk -F, 'NR == 2 { print $1 }' "$T/cover/changes.csv")
name=$(awk -F, -v l="$l1" '$1 == l { print $2 }' "$T/absent/learners.csv")
sed -n '/<section id="changes"/,/<\/section>/p' "$T/cover/report.html" |
	grep -q "^<li>$name: from .* to " || fail "What changed has no line for $name ($l1)"
grep -q '<h3>Cover for absent facilitators</h3>' "$T/cover/report.html" ||
	fail "no cover list for F004's sessions"
grep -q '<h3>Cover' "$T/same/report.html" && fail "a cover list though nobody is absent"
grep -q 'id="changes"\|href="#changes"' "$T/prev/report.html" && fail "What changed in a plain solve"
if [ $(($(wc -l <"$T/same/changes.csv") - 1)) -eq 0 ]; then
	grep -q 'id="changes"' "$T/same/report.html" && fail "What changed when nothing changed"
else
	grep -q 'id="changes"' "$T/same/report.html" || fail "no What changed though changes.csv has rows"
fi

# 2c. compare PREV_OUT_DIR OUT_DIR on the replan: the gains and losses
# against the previous schedule, and the moves: as many learner-blocks as
# changes.csv has rows (compare reads only timetable.csv and sessions.csv),
# on stdout, in compare.csv and in compare.html's "Who moves"
expect_exit 0 "$BIN" compare "$T/prev" "$T/cover" -o "$T/cmp"
grep -q "^Learners who gain / lose need-sessions against run 1" "$T/stdout" ||
	fail "compare on a replan: no gains and losses"
grep -q "^all  *[0-9]* / [0-9]*" "$T/stdout" || fail "compare on a replan: no gains / losses row"
rows=$(($(wc -l <"$T/cover/changes.csv") - 1))
grep -q "^run 2: $rows of [0-9]* ([0-9.]*%), [0-9]* learners\?\$" "$T/stdout" ||
	fail "compare on a replan: moves on stdout, want $rows: $(grep '^run 2:' "$T/stdout")"
[ "$(awk -F, '$1 == "learner_blocks_moved" { print $6 }' "$T/cmp/compare.csv")" = "$rows" ] ||
	fail "compare.csv: learner_blocks_moved is not $rows"
[ "$(grep -c '^learner_block_place,' "$T/cmp/compare.csv")" -eq "$rows" ] ||
	fail "compare.csv: learner_block_place rows are not $rows"
awk -F, 'NR > 1 { print $1 "," $2 }' "$T/cover/changes.csv" | sort >"$T/a"
awk -F, '$1 == "learner_block_place" { print $2 "," $3 }' "$T/cmp/compare.csv" | sort >"$T/b"
cmp -s "$T/a" "$T/b" || fail "compare.csv moves are not changes.csv's: $(diff "$T/a" "$T/b" | head -4)"
grep -q '<section id="moves">' "$T/cmp/compare.html" || fail "compare.html: no Who moves"
grep -q "Run 2: $rows of [0-9]* learner-blocks move" "$T/cmp/compare.html" ||
	fail "compare.html: no count of the moves"

# 3. a learner who left is dropped with a warning
cp -r examples/small "$T/left"
grep -v '^L0007,' examples/small/learners.csv >"$T/left/learners.csv"
for f in needs.csv choices.csv progress.csv; do
	grep -v '^L0007,' "examples/small/$f" >"$T/left/$f"
done
expect_exit 0 "$BIN" replan "$T/left" "$T/prev" --after Tue2 -o "$T/left_out" --time-limit 6
grep -q "1 learner is not in learners.csv any more ('L0007')" "$T/stderr" ||
	fail "no warning for the learner who left: $(head -c 400 "$T/stderr")"
expect_exit 0 "$BIN" verify "$T/left" "$T/left_out"

# 4. errors: an unknown --after (usage), --after given to solve, a previous
# schedule naming an unknown session, a frozen block the school no longer allows
expect_exit 1 "$BIN" replan examples/small "$T/prev" --after Sun9 -o "$T/x"
grep -q "after 'Sun9' is not a block" "$T/stderr" || fail "unknown --after: $(cat "$T/stderr")"
expect_exit 1 "$BIN" solve examples/small --after Mon1 -o "$T/x"
cp -r "$T/prev" "$T/broken"
sed -i '3s/^\([^,]*\),\([^,]*\),S[0-9]*,/\1,\2,S9999,/' "$T/broken/timetable.csv"
expect_exit 2 "$BIN" replan examples/small "$T/broken" --after Mon1 -o "$T/x"
grep -q "broken/timetable.csv:3: session 'S9999' is not in sessions.csv" "$T/stderr" ||
	fail "unknown session: $(head -c 400 "$T/stderr")"
cp -r examples/small "$T/past"
sed -i 's/^F004,\([^,]*\),12,.*/F004,\1,12,Mon1;Mon2;Mon3/' "$T/past/facilitators.csv"
expect_exit 2 "$BIN" replan "$T/past" "$T/prev" --after Wed5 -o "$T/x"
grep -q "prev/timetable.csv:[0-9]*: facilitator 'F004' is unavailable in block 'Mon" "$T/stderr" ||
	fail "frozen block broken: $(head -c 400 "$T/stderr")"
grep -q "the blocks up to --after 'Wed5' are kept" "$T/stderr" ||
	fail "frozen block broken: no explanation: $(head -c 400 "$T/stderr")"
[ ! -e "$T/x" ] || fail "an output was written for a refused replan"

# a learner who joined after --after: no place in the blocks that happened
# (they were not there; was: seated in a frozen lab, or exit 3 when the
# labs were full), a place in every later block, and verify agrees (the
# output's summary.csv says replan_after)
cp -r examples/small "$T/join"
sed -n '2p' examples/small/learners.csv | sed 's/^[^,]*/LNEW1/' >>"$T/join/learners.csv"
expect_exit 0 "$BIN" replan "$T/join" "$T/prev" -o "$T/join_out" --after Wed5 -q --time-limit 4
expect_exit 0 "$BIN" verify "$T/join" "$T/join_out"
[ "$(awk -F, '$1 == "LNEW1" && $2 ~ /^(Mon|Tue|Wed)/' "$T/join_out/timetable.csv" | wc -l)" -eq 0 ] ||
	fail "joined learner: rows in the blocks up to --after"
[ "$(awk -F, '$1 == "LNEW1" && $3 != ""' "$T/join_out/timetable.csv" | wc -l)" -eq 10 ] ||
	fail "joined learner: not placed in the 10 later blocks"
[ "$(metric "$T/join_out" replan_after)" = Wed5 ] || fail "summary.csv: no replan_after Wed5"

# a learner who joined with needs, the labs of Thu5 and Fri5 full (40, the
# lab's max_group) and F004 at max_sessions: F004 gives up a session of
# another block to seat them, the rest is kept (was: the kept run found no
# schedule and the fresh plan moved 39.8% of the learner-blocks; 5.2% now).
# The previous schedule is a fixed one (tests/data/replan_join_prev, a 5 s
# solve of examples/small, objective 45 920): $T/prev, solved here in 5 s,
# depends on the machine's load, and on the better ones a quiet machine
# gives (47 175-47 330) F004 leads larger sessions later and the replan
# moves 12.7-22.2% (the flake "19.57% changed" is one of them).
cp -r examples/small "$T/join2"
sed -n '2p' examples/small/learners.csv | sed 's/^[^,]*/LNEW2/' >>"$T/join2/learners.csv"
for f in needs choices progress; do
	grep '^L0001,' "examples/small/$f.csv" | sed 's/^L0001/LNEW2/' >>"$T/join2/$f.csv"
done
grep -q '^LNEW2,' "$T/join2/needs.csv" || fail "test setup: LNEW2 has no needs"
expect_exit 0 "$BIN" replan "$T/join2" tests/data/replan_join_prev -o "$T/join2_out" --after Wed5 \
	-q --time-limit 4
expect_exit 0 "$BIN" verify "$T/join2" "$T/join2_out"
[ "$(awk -F, '$1 == "LNEW2" && $3 != ""' "$T/join2_out/timetable.csv" | wc -l)" -eq 10 ] ||
	fail "joined learner with needs: not placed in the 10 later blocks"
pct=$(metric "$T/join2_out" learner_blocks_changed_pct)
awk -v p="$pct" 'BEGIN { exit !(p != "" && p + 0 <= 15) }' ||
	fail "joined learner with needs: $pct% of the learner-blocks changed (at most 15%)"

# a sick day after --after for the facilitator of a seminar section that
# met before it: the section's later meetings keep their learners and get a
# cover with the expertise (was exit 2: a frozen meeting broke the rule)
# (a section with a meeting up to Wed5 and one on Thu or Fri)
set -- $(awk -F, '$3 == "seminar" { if ($5 ~ /^(Mon|Tue|Wed)/) early[$2] = 1;
	else if (!($2 in late)) late[$2] = $5 }
	END { for (h in late) if (h in early) { print h, late[h]; exit } }' "$T/prev/sessions.csv")
sem=${1:-}
later=${2:-}
fac=$(awk -F, -v h="$sem" '$1 == h { print $7 }' "$T/prev/sessions.csv")
if [ -n "$later" ]; then
	cp -r examples/small "$T/sick"
	awk -F, -v OFS=, -v f="$fac" -v b="$later" '$1 == f { $4 = b } 1' \
		examples/small/facilitators.csv >"$T/sick/facilitators.csv"
	expect_exit 0 "$BIN" replan "$T/sick" "$T/prev" -o "$T/sick_out" --after Wed5 -q \
		--time-limit 4
	expect_exit 0 "$BIN" verify "$T/sick" "$T/sick_out"
	row=$(awk -F, -v h="$sem" -v b="$later" '$2 == h && $5 == b' "$T/sick_out/sessions.csv")
	[ -n "$row" ] || fail "sick day: section $sem has no meeting in $later"
	case "$row" in *",$fac,"*) fail "sick day: $fac still leads $sem in $later";; esac
	# the same with nobody else able to lead it: no schedule (exit 3),
	# and the diagnosis names the session's row
	off=$(awk -F, -v h="$sem" '$1 == h { print $4 }' "$T/prev/sessions.csv")
	awk -F, -v o="$off" -v f="$fac" '$2 != o || $1 == f' examples/small/expertise.csv \
		>"$T/sick/expertise.csv"
	expect_exit 3 "$BIN" replan "$T/sick" "$T/prev" -o "$T/sick_out2" --after Wed5 -q \
		--time-limit 4
	grep -q "no facilitator with expertise in '$off'" "$T/sick_out2/diagnosis.txt" 2>/dev/null ||
		fail "sick day without cover: diagnosis: $(cat "$T/sick_out2/diagnosis.txt" 2>&1)"
else
	fail "sick day: no section of examples/small meets by Wed5 and after it"
fi

# the seminar whose first section starts first, that section frozen by
# --after its first meeting, every learner choosing the seminar first,
# every facilitator able to lead it, no keep term: the later blocks may
# open only the seminar's other section (was: as many as `sections` again,
# 3 of 2, verify's rule 5; bench/replan.sh with F001 absent, SEM030)
# (of the seminars without an age band, so that every learner may choose it)
set -- $(awk -F, 'FILENAME ~ /blocks.csv$/ { if (FNR > 1) ord[$1] = FNR; next }
	FILENAME ~ /seminars.csv$/ { if (FNR > 1 && $7 == "" && $8 == "") open[$1] = 1; next }
	FNR > 1 && $3 == "seminar" && $1 == $2 && ($4 in open) && (!s || ord[$5] < o) {
		s = $4; o = ord[$5]; b = $5 }
	END { print s, b }' examples/small/blocks.csv examples/small/seminars.csv "$T/prev/sessions.csv")
sem=${1:-}
first=${2:-}
cp -r examples/small "$T/sem"
awk -F, -v s="$sem" 'NR > 1 { l[$1] = 1; if ($2 != s) o[$1] = o[$1] " " $2 }
	END { print "learner_id,seminar_id,rank"
	      for (x in l) { print x "," s ",1"; n = split(o[x], a, " ")
			     for (i = 1; i <= n; i++) print x "," a[i] "," i + 1 } }' \
	examples/small/choices.csv >"$T/sem/choices.csv"
awk -F, -v s="$sem" 'NR == FNR { if ($2 == s) has[$1] = 1; next }
	FNR > 1 && !($1 in has) { print $1 "," s ",able" }' \
	examples/small/expertise.csv examples/small/facilitators.csv >>"$T/sem/expertise.csv"
echo 'weights { keep = 0 }' >>"$T/sem/scenario.conf"
expect_exit 0 "$BIN" replan "$T/sem" "$T/prev" -o "$T/sem_out" --after "$first" -q --time-limit 5
expect_exit 0 "$BIN" verify "$T/sem" "$T/sem_out"
n=$(awk -F, -v s="$sem" '$3 == "seminar" && $1 == $2 && $4 == s' "$T/sem_out/sessions.csv" | wc -l)
max=$(awk -F, -v s="$sem" '$1 == s { print $10 }' examples/small/seminars.csv)
[ -n "$sem" ] && [ "$n" -le "$max" ] || fail "seminar $sem: $n sections of $max after --after $first"

# a power-goal school (groups for the whole cycle), F001 absent on Thursday
# and Friday, F006 added with F001's expertise and free: the cover leads
# F001's groups there (same goal, block, room and learners) before any
# learner moves; the only changed learner-blocks are those groups' (their
# facilitator differs, which the contract counts as a change)
"$BUILD/mclsched-gen" --learners 80 --seed 3 --model power-goal -o "$T/pg" >"$T/gen.log" 2>&1 ||
	fail "test setup: mclsched-gen power-goal"
expect_exit 0 "$BIN" solve "$T/pg" -o "$T/pg_prev" -q --time-limit 5
cp -r "$T/pg" "$T/pg_sick"
late=$(awk -F, '$2 == "Thu" || $2 == "Fri" { printf "%s%s", s, $1; s = ";" }' "$T/pg/blocks.csv")
awk -F, -v OFS=, -v b="$late" '$1 == "F001" { $4 = b } 1; END { print "F006,Cover,," }' \
	"$T/pg/facilitators.csv" >"$T/pg_sick/facilitators.csv"
awk -F, -v OFS=, '$1 == "F001" { $1 = "F006"; print }' "$T/pg/expertise.csv" >>"$T/pg_sick/expertise.csv"
expect_exit 0 "$BIN" replan "$T/pg_sick" "$T/pg_prev" -o "$T/pg_re" --after Wed5 -q --time-limit 5
expect_exit 0 "$BIN" verify "$T/pg_sick" "$T/pg_re"
# (learner, block, goal, room) of F001's later sessions before, and of F006's after
awk -F, 'NR == FNR { if ($7 == "F001" && $5 ~ /^(Thu|Fri)/) s[$1] = $4 "," $6; next }
	FNR > 1 && ($3 in s) { print $1 "," $2 "," s[$3] }' \
	"$T/pg_prev/sessions.csv" "$T/pg_prev/timetable.csv" | sort >"$T/a"
awk -F, 'NR == FNR { if ($7 == "F006") s[$1] = $4 "," $6; next }
	FNR > 1 && ($3 in s) { print $1 "," $2 "," s[$3] }' \
	"$T/pg_re/sessions.csv" "$T/pg_re/timetable.csv" | sort >"$T/b"
[ -s "$T/a" ] || fail "power-goal cover: F001 led nothing on Thursday and Friday"
cmp -s "$T/a" "$T/b" || fail "power-goal cover: F006 does not lead F001's groups as they were:" \
	"$(diff "$T/a" "$T/b" | head -4)"
cut -d, -f1,2 "$T/a" >"$T/a2"
awk -F, 'NR > 1 { print $1 "," $2 }' "$T/pg_re/changes.csv" | sort >"$T/b2"
cmp -s "$T/a2" "$T/b2" || fail "power-goal cover: learner-blocks other than the covered ones" \
	"changed: $(diff "$T/a2" "$T/b2" | head -4)"

# 6. the kept plan re-seated with the keep term (models/replan_reseat.c): a
# zoo school's busiest workshop facilitator absent Wed-Thu; the displaced
# take seats others free by moving to another block, so the re-seating
# gains, and the replan scores at least the kept plan
"$BUILD/mclsched-gen" --style random --seed 6 --learners 120 --model combination -o "$T/z" \
	>"$T/gen.log" 2>&1 || fail "test setup: mclsched-gen zoo"
expect_exit 0 "$BIN" solve "$T/z" -o "$T/z_prev" -q --time-limit 4
fz=$(awk -F, 'NR > 1 && $3 == "workshop" && $5 ~ /^(Wed|Thu)/ { n[$7]++ }
	END { for (f in n) if (n[f] > m) { m = n[f]; w = f }; print w }' "$T/z_prev/sessions.csv")
cp -r "$T/z" "$T/z_sick"
late=$(awk -F, '$2 == "Wed" || $2 == "Thu" { printf "%s%s", s, $1; s = ";" }' "$T/z/blocks.csv")
awk -F, -v OFS=, -v f="$fz" -v b="$late" '$1 == f { $4 = b } 1' "$T/z/facilitators.csv" \
	>"$T/z_sick/facilitators.csv"
expect_exit 0 "$BIN" replan "$T/z_sick" "$T/z_prev" -o "$T/z_re" --after Tue6 -v --time-limit 4
cp "$T/stderr" "$T/z.log"
expect_exit 0 "$BIN" verify "$T/z_sick" "$T/z_re"
gain=$(sed -n 's/.*re-seating with the keep term.*objective + keep \([0-9.]*\) -> \([0-9.]*\),.*/\1 \2/p' "$T/z.log")
[ -n "$gain" ] || fail "re-seating: no 're-seating with the keep term' line ($fz absent)"
echo "$gain" | awk '{ exit !($2 > $1) }' || fail "re-seating ($fz absent): no gain: $gain"
kept=$(sed -n 's/.*previous sessions kept: a schedule, objective \([0-9.]*\) .*/\1/p' "$T/z.log")
awk -v a="$(metric "$T/z_re" objective)" -v k="$kept" 'BEGIN { exit !(k != "" && a >= k) }' ||
	fail "re-seating ($fz absent): objective $(metric "$T/z_re" objective) below the kept plan's $kept"

# 7. no lab room free after an absence (zoo seed 10, 300 learners: exit 3):
# F1 absent in Mon2, the only one with G1's expertise; its 3 learners have
# no other need there, the one kept lab is full and the other lab room holds
# a kept workshop; the shortfall drops that workshop (was: the smallest
# session, freeing no lab room, so the kept plan had no schedule and the
# plan afresh moved all 10 learner-blocks); the full lab S4 stays as it was
mkdir -p "$T/nl/s" "$T/nl/prev"
printf 'model = workshop\nneeds = file\nlab { max_group = 4  feature = "computers" }\n' \
	>"$T/nl/s/scenario.conf"
printf 'block_id,day,start,end,kind\nMon1,Mon,08:30,09:30,workshop\nMon2,Mon,09:40,10:40,workshop\n' \
	>"$T/nl/s/blocks.csv"
printf 'room_id,capacity,features\nLAB1,4,computers\nLAB2,6,computers\nR1,10,\nR2,10,\n' \
	>"$T/nl/s/rooms.csv"
printf 'facilitator_id,max_sessions,unavailable\nF1,,Mon2\nF2,,\nF3,,\nF4,,\n' \
	>"$T/nl/s/facilitators.csv"
printf 'goal_id,area,min_group,max_group,sessions\n' >"$T/nl/s/goals.csv"
for g in G1 G2 G3 G4; do echo "$g,A,1,10,1" >>"$T/nl/s/goals.csv"; done
printf 'facilitator_id,offering\nF1,G1\nF1,G4\nF2,G2\nF3,G2\nF4,G2\nF4,G3\n' \
	>"$T/nl/s/expertise.csv"
echo learner_id >"$T/nl/s/learners.csv"
echo learner_id,goal_id,priority,sessions >"$T/nl/s/needs.csv"
echo learner_id,block_id,session_id,offering_id >"$T/nl/prev/timetable.csv"
for i in 1 2 3 4 5 6 7 8 9 10; do
	echo "L$i" >>"$T/nl/s/learners.csv"
	case $i in
	[123]) two=G1:S3 ;;
	[89]) two=G2:S5 ;;
	10) two=G3:S6 ;;
	*) two= ;;
	esac
	if [ -n "$two" ]; then
		printf 'L%s,G4,1,1\nL%s,%s,2,1\n' "$i" "$i" "${two%:*}" >>"$T/nl/s/needs.csv"
		printf 'L%s,Mon1,S1,G4\nL%s,Mon2,%s,%s\n' "$i" "$i" "${two#*:}" "${two%:*}"
	else
		printf 'L%s,Mon1,S2,\nL%s,Mon2,S4,\n' "$i" "$i"
	fi >>"$T/nl/prev/timetable.csv"
done
printf '%s\n' session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size \
	S1,S1,workshop,G4,Mon1,R1,F1,6 S2,S2,lab,,Mon1,LAB1,F2,4 S3,S3,workshop,G1,Mon2,R1,F1,3 \
	S4,S4,lab,,Mon2,LAB1,F2,4 S5,S5,workshop,G2,Mon2,LAB2,F3,2 S6,S6,workshop,G3,Mon2,R2,F4,1 \
	>"$T/nl/prev/sessions.csv"
expect_exit 0 "$BIN" replan "$T/nl/s" "$T/nl/prev" -o "$T/nl/re" --after Mon1 -q --time-limit 4
expect_exit 0 "$BIN" verify "$T/nl/s" "$T/nl/re"
n=$(metric "$T/nl/re" learner_blocks_changed)
[ -n "$n" ] && [ "$n" -le 6 ] || fail "no lab room free: $n learner-blocks changed, want <= 6"
for i in 4 5 6 7; do
	grep -q "^L$i,Mon2," "$T/nl/re/changes.csv" && fail "no lab room free: L$i left the full lab S4"
done

# 8. the later blocks re-planned one by one with the keep term
# (models/replan_period.c), same school as 6: a block's period MIP, its
# learners' options worth weights.keep more at their previous goal or lab,
# changes a block where re-seating cannot (a session opened, closed or of
# another goal), and is taken where the objective plus keep term rises
# (the old build: no such run; the result verifies, case 6)
taken=$(grep -c "block '[A-Za-z0-9]*' re-planned with the keep term: .*, taken" "$T/z.log")
[ "$taken" -gt 0 ] || fail "re-planned with the keep term ($fz absent): no block taken"

[ "$fails" -eq 0 ] || exit 1
echo "replan.sh: all passed"
