/* direct.mod - the textbook monolithic MIP of a workshop cycle, in GNU MathProg.
 *
 * What a user would write and hand to GLPK (glpsol) instead of mclsched: a
 * 0/1 variable per learner x need x block and per facilitator x goal x block,
 * linked by sum x <= max_group * sum z, with a room per session, one place per
 * learner per block, one session per facilitator per block and max_sessions.
 * The objective is the data contract's, term by term, so that its value is
 * comparable with mclsched's summary.csv `objective` on the workshop model.
 * The data file comes from build/mclsched-direct-dat SCENARIO_DIR (bench/
 * direct_dat.c); every entity is numbered from 1 in file order there.
 *
 * It covers the workshop blocks the model schedules.  For a combination
 * school it is the workshop blocks alone: no seminar blocks, each facilitator
 * may spend all of max_sessions there, and the daily weight counts workshop
 * sessions only; its objective is then not comparable with mclsched's.
 *
 * With `param mode := 1;` in a second data file (bench/leftout.sh) the
 * objective is instead the number of learners who can be placed and attend
 * at least one workshop session: its bound is a floor on learners_left_out
 * that no schedule of a workshop school can beat.
 */

set L;                          # learners
set B;                          # workshop blocks the model schedules
set G;                          # facilitated goals
set F;                          # facilitators
set R;                          # rooms
param day{B} integer;           # day index of a block
set DAYS := setof{b in B} day[b];

set AV dimen 2;                 # (l, b): learner l is available in block b
set GA dimen 2;                 # (g, b): goal g may run in block b (areas)
set FA dimen 2;                 # (f, b): facilitator f is available in b
set RA dimen 2;                 # (r, b): room r is open in b
set E dimen 2;                  # (f, g): f may lead goal g
set EG dimen 2 within E;        # (f, g): f is a guru of g
set RG dimen 2;                 # (r, g): r has g's feature and seats min_group
set RL within R;                # rooms labs may use (lab.feature)

set Q dimen 2;                  # (l, g): ready need of l for facilitated goal g
param w{Q};                     # priority weight of the need
param s{Q} integer;             # sessions wanted
param p1{Q} binary;             # 1 when the need has priority 1
set O dimen 2;                  # (l, k): ready online need k of learner l
set LO := setof{(l, k) in O} l; # learners with a ready online need
param wo{O};
param so{O} integer;
param o1{O} binary;
set P1 within L;                # learners with a ready priority-1 need
set LD dimen 2;                 # (l, d): l can be placed and is available on day d
set PL := setof{(l, t) in LD} l; # learners who can be placed

param ming{G} integer;
param maxg{G} integer;
param cap{R} integer;
param maxs{F} integer;
param labmax integer;
param w_guru;
param w_pg;
param w_daily;
param mode default 0, integer, >= 0, <= 1;     # 1: the most learners placed

# slices of the sets above, computed once, so that each constraint sums
# over a learner's needs (or a goal's learners) instead of scanning Q
set NG{l in L} := setof{(l, g) in Q} g;        # facilitated goals l needs
set NO{l in L} := setof{(l, k) in O} k;        # online goals l needs
set LB{l in L} := setof{(l, b) in AV} b;       # blocks l is available in
set LG{g in G} := setof{(l, g) in Q} l;        # learners who need g
set FG{g in G} := setof{(f, g) in E} f;        # facilitators able to lead g
set GF{f in F} := setof{(f, g) in E} g;        # goals f can lead
set RS{g in G} := setof{(r, g) in RG} r;       # rooms g can meet in
set GR{r in R} := setof{(r, g) in RG} g;       # goals room r can hold
set BL{b in B} := setof{(l, b) in AV} l;       # learners available in b
set BF{b in B} := setof{(f, b) in FA} f;       # facilitators available in b

var x{(l, g) in Q, b in B: (l, b) in AV and (g, b) in GA} binary;
var y{(l, b) in AV} binary;                     # learner l in a lab in b
var z{(f, g) in E, b in B: (f, b) in FA and (g, b) in GA} binary;
var zl{(f, b) in FA} binary;                    # f supervises a lab in b
var u{(r, g) in RG, b in B: (r, b) in RA and (g, b) in GA} binary;
var ul{r in RL, b in B: (r, b) in RA} binary;   # room r holds a lab in b
var c{(l, k) in O} >= 0, <= so[l, k];           # lab sessions credited to k
var pi{l in P1} >= 0, <= 1;                     # power-goal bonus
var d{(l, t) in LD} >= 0, <= 1;                 # daily weight
var q{l in PL: mode = 1} >= 0, <= 1;            # l attends a workshop session

maximize value: if mode = 1 then sum{l in PL: mode = 1} q[l] else
	sum{(l, g) in Q, b in B: (l, b) in AV and (g, b) in GA} w[l, g] * x[l, g, b]
	+ sum{(l, k) in O} wo[l, k] * c[l, k]
	+ w_guru * sum{(f, g) in EG, b in B: (f, b) in FA and (g, b) in GA} z[f, g, b]
	+ w_pg * sum{l in P1} pi[l]
	+ w_daily * sum{(l, t) in LD} d[l, t];

# one place per learner per available block: a workshop of a need, or a lab
s.t. one{(l, b) in AV}:
	sum{g in NG[l]: (g, b) in GA} x[l, g, b] + y[l, b] = 1;

# at most the sessions wanted of each need
s.t. need{(l, g) in Q}:
	sum{b in LB[l]: (g, b) in GA} x[l, g, b] <= s[l, g];

# the textbook link, and min_group per session opened
s.t. link_max{g in G, b in B: (g, b) in GA}:
	sum{l in LG[g]: (l, b) in AV} x[l, g, b]
	<= maxg[g] * sum{f in FG[g]: (f, b) in FA} z[f, g, b];
s.t. link_min{g in G, b in B: (g, b) in GA}:
	sum{l in LG[g]: (l, b) in AV} x[l, g, b]
	>= ming[g] * sum{f in FG[g]: (f, b) in FA} z[f, g, b];

# a room per session, and the rooms seat the learners
s.t. rooms{g in G, b in B: (g, b) in GA}:
	sum{r in RS[g]: (r, b) in RA} u[r, g, b]
	= sum{f in FG[g]: (f, b) in FA} z[f, g, b];
s.t. seats{g in G, b in B: (g, b) in GA}:
	sum{l in LG[g]: (l, b) in AV} x[l, g, b]
	<= sum{r in RS[g]: (r, b) in RA} min(cap[r], maxg[g]) * u[r, g, b];

# labs: a facilitator and a room each, 1 to min(capacity, labmax) learners
s.t. lab_rooms{b in B}:
	sum{r in RL: (r, b) in RA} ul[r, b] = sum{f in BF[b]} zl[f, b];
s.t. lab_seats{b in B}:
	sum{l in BL[b]} y[l, b] <= sum{r in RL: (r, b) in RA} min(cap[r], labmax) * ul[r, b];
s.t. lab_min{b in B}:
	sum{l in BL[b]} y[l, b] >= sum{f in BF[b]} zl[f, b];

# a room holds one session, a facilitator leads one, at most max_sessions
s.t. room_one{(r, b) in RA}:
	sum{g in GR[r]: (g, b) in GA} u[r, g, b] + (if r in RL then ul[r, b] else 0) <= 1;
s.t. fac_one{(f, b) in FA}:
	sum{g in GF[f]: (g, b) in GA} z[f, g, b] + zl[f, b] <= 1;
s.t. fac_max{f in F}:
	sum{g in GF[f], b in B: (f, b) in FA and (g, b) in GA} z[f, g, b]
	+ sum{b in B: (f, b) in FA} zl[f, b] <= maxs[f];

# lab time is credited to the learner's online needs
s.t. credit{l in LO}:
	sum{k in NO[l]} c[l, k] <= sum{b in LB[l]} y[l, b];

# the power-goal bonus needs a session of a priority-1 need
s.t. power{l in P1}:
	pi[l] <= sum{g in NG[l], b in LB[l]: p1[l, g] = 1 and (g, b) in GA} x[l, g, b]
		 + sum{k in NO[l]: o1[l, k] = 1} c[l, k];

# the daily weight needs a workshop session that day
s.t. daily{(l, t) in LD}:
	d[l, t] <= sum{g in NG[l], b in LB[l]: day[b] = t and (g, b) in GA} x[l, g, b];

# mode 1: a learner counts as placed only with a workshop session
s.t. placed{l in PL: mode = 1}:
	q[l] <= sum{g in NG[l], b in LB[l]: (g, b) in GA} x[l, g, b];

solve;

# the KPIs make bench reads (need_sessions_pct, learners_left_out); glpsol
# prints them only when it has a schedule
printf "direct: need_sessions %d\n",
	sum{(l, g) in Q, b in B: (l, b) in AV and (g, b) in GA} x[l, g, b]
	+ sum{(l, k) in O} floor(c[l, k] + 1e-6);
printf "direct: placeable %d\n", card(PL);
printf "direct: left_out %d\n",
	sum{l in PL: sum{g in NG[l], b in LB[l]: (g, b) in GA} x[l, g, b] < 0.5} 1;

end;
