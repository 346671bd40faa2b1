// highs.mjs - HiGHS (the npm package `highs`: the HiGHS MIP solver compiled to
// WebAssembly) on the exact cycle model that `mclsched solve --write-lp`
// writes, for make bench beside CBC and glpsol (bench/run.sh, docs/bench.md).
//
//   HIGHS_DIR=DIR node bench/highs.mjs MODEL.lp SECONDS [GAP]
//
// HIGHS_DIR is a directory whose node_modules holds `highs` (run.sh installs
// it there with npm).  Prints, in CBC's words so that run.sh reads both alike:
//   Result - <HiGHS's model status>
//   Objective value: <the best schedule's objective>   (when one was found)
//   Upper bound: <the proven bound>                      (a MIP's dual bound)
// Exit status: 0 solved or stopped by a limit, 1 usage, 2 the model could
// not be read or solved.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const [file, seconds, gap] = process.argv.slice(2);
if (!file || !(Number(seconds) > 0)) {
  console.error("usage: HIGHS_DIR=DIR node bench/highs.mjs MODEL.lp SECONDS [GAP]");
  process.exit(1);
}
const require = createRequire((process.env.HIGHS_DIR ?? ".") + "/");
const highs = await require("highs")();
const names = Object.fromEntries(
  Object.entries(highs.constants.modelStatus).map(([k, v]) => [v, k]));

let model;
try {
  model = highs.createModel({ format: "lp", data: readFileSync(file) });
  model.options.set({ time_limit: Number(seconds), mip_rel_gap: Number(gap ?? 1e-4),
                      output_flag: false });
  model.run();
} catch (e) {
  console.log(`Result - error: ${e.message}`);
  process.exit(2);
}
const status = model.getModelStatus();
console.log(`Result - ${names[status] ?? status}`);
const info = (k) => { try { return model.info.get(k); } catch { return undefined; } };
// primal_solution_status 2: a feasible solution is at hand
if (Number(info("primal_solution_status")) === 2)
  console.log(`Objective value: ${model.getObjectiveValue()}`);
const bound = info("mip_dual_bound");
if (typeof bound === "number" && Number.isFinite(bound))
  console.log(`Upper bound: ${bound}`);
else if (status === highs.constants.modelStatus.optimal)
  console.log(`Upper bound: ${model.getObjectiveValue()}`);
