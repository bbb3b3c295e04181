// gradus::solve_kkt against Ipopt on the Hock–Schittkowski problems of the tests
// (tests/constrained/hs_problems_*.hpp): wall time per solve and iterations, in one run.
//
// Both solvers get the same program with the same exact first and second derivatives (Ipopt
// through a dense TNLP, bench/ipopt_program.hpp, with bounds as its native variable bounds),
// the same starting point and their default settings (Ipopt: tol = 1e-8, MUMPS, print_level 0;
// gradus: tolerance 1e-8 on the absolute KKT residuals). The Ipopt application is created and
// initialized once; each timed Ipopt solve is one OptimizeTNLP call.
//
// Names: kkt/hsNNN/<variables>/gradus and kkt/hsNNN/<variables>/ipopt. Counters: iterations,
// and converged (1 or 0). Before anything is timed the program solves every problem with both
// and prints a table (iterations, optimal values, agreement) to stderr.
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <IpIpoptApplication.hpp>
#include <IpSolveStatistics.hpp>

#include "hs_problems_a.hpp"
#include "hs_problems_b.hpp"
#include "hs_problems_c.hpp"
#include "ipopt_program.hpp"

namespace {

Ipopt::SmartPtr<Ipopt::IpoptApplication> make_ipopt() {
  Ipopt::SmartPtr<Ipopt::IpoptApplication> app = IpoptApplicationFactory();
  app->Options()->SetIntegerValue("print_level", 0);
  app->Options()->SetNumericValue("tol", 1e-8);
  app->Options()->SetStringValue("sb", "yes");  // no banner
  app->Initialize();
  return app;
}

struct comparison {
  int number;
  int variables;
  int gradus_iterations;
  int ipopt_iterations;
  bool gradus_converged;
  bool ipopt_converged;
  double gradus_value;
  double ipopt_value;
  double f_star;
};
std::vector<comparison> table;

template <class P>
void add(const hs::instance<P>& p) {
  constexpr int n = P::variables;
  char label[64];
  std::snprintf(label, sizeof label, "kkt/hs%03d/%d/", p.number, n);

  comparison c{p.number, n, 0, 0, false, false, 0, 0, p.f_star};
  const auto k = gradus::solve_kkt(p.prob, p.x0);
  c.gradus_iterations = k.iterations;
  c.gradus_converged = k.converged();
  c.gradus_value = k.value;
  {
    auto app = make_ipopt();
    Ipopt::SmartPtr<gradus_bench::ipopt_program<P>> nlp = new gradus_bench::ipopt_program<P>(p.prob, p.x0);
    const Ipopt::ApplicationReturnStatus st = app->OptimizeTNLP(Ipopt::SmartPtr<Ipopt::TNLP>(GetRawPtr(nlp)));
    c.ipopt_iterations = app->Statistics()->IterationCount();
    c.ipopt_converged = st == Ipopt::Solve_Succeeded;
    c.ipopt_value = nlp->value;
  }
  table.push_back(c);

  benchmark::RegisterBenchmark((std::string(label) + "gradus").c_str(), [p](benchmark::State& state) {
    int iterations = 0;
    bool converged = false;
    for (auto _ : state) {
      const auto r = gradus::solve_kkt(p.prob, p.x0);
      benchmark::DoNotOptimize(r.value);
      iterations = r.iterations;
      converged = r.converged();
    }
    state.counters["iterations"] = iterations;
    state.counters["converged"] = converged;
  });
  benchmark::RegisterBenchmark((std::string(label) + "ipopt").c_str(), [p](benchmark::State& state) {
    auto app = make_ipopt();
    Ipopt::SmartPtr<gradus_bench::ipopt_program<P>> nlp = new gradus_bench::ipopt_program<P>(p.prob, p.x0);
    const Ipopt::SmartPtr<Ipopt::TNLP> tnlp(GetRawPtr(nlp));
    Ipopt::ApplicationReturnStatus st = Ipopt::Internal_Error;
    for (auto _ : state) {
      st = app->OptimizeTNLP(tnlp);
      benchmark::DoNotOptimize(nlp->value);
    }
    state.counters["iterations"] = app->Statistics()->IterationCount();
    state.counters["converged"] = st == Ipopt::Solve_Succeeded;
  });
}

void print_table() {
  int gi = 0, ii = 0, both = 0;
  std::fprintf(stderr, "%-6s %3s | %-6s %5s %-18s | %-6s %5s %-18s | %s\n", "HS", "n", "gradus", "iters", "f",
               "ipopt", "iters", "f", "f*");
  for (const comparison& c : table) {
    std::fprintf(stderr, "hs%03d  %3d | %-6s %5d %-18.10g | %-6s %5d %-18.10g | %.10g\n", c.number, c.variables,
                 c.gradus_converged ? "ok" : "FAIL", c.gradus_iterations, c.gradus_value,
                 c.ipopt_converged ? "ok" : "FAIL", c.ipopt_iterations, c.ipopt_value, c.f_star);
    if (c.gradus_converged && c.ipopt_converged) {
      gi += c.gradus_iterations;
      ii += c.ipopt_iterations;
      ++both;
    }
  }
  std::fprintf(stderr, "iterations over the %d problems both solved: gradus %d, ipopt %d\n", both, gi, ii);
}

}  // namespace

int main(int argc, char** argv) {
  add(hs::hs001()), add(hs::hs002_local()), add(hs::hs003()), add(hs::hs004()), add(hs::hs005());
  add(hs::hs006()), add(hs::hs007()), add(hs::hs009()), add(hs::hs010()), add(hs::hs011()), add(hs::hs012());
  add(hs::hs014()), add(hs::hs015()), add(hs::hs016()), add(hs::hs017()), add(hs::hs018()), add(hs::hs019());
  add(hs::hs021()), add(hs::hs022()), add(hs::hs023()), add(hs::hs024()), add(hs::hs026()), add(hs::hs027());
  add(hs::hs028()), add(hs::hs029());
  add(hs::hs030()), add(hs::hs031()), add(hs::hs032()), add(hs::hs033()), add(hs::hs034()), add(hs::hs035());
  add(hs::hs036()), add(hs::hs037()), add(hs::hs038()), add(hs::hs039()), add(hs::hs040()), add(hs::hs042());
  add(hs::hs043()), add(hs::hs044_local()), add(hs::hs046()), add(hs::hs048()), add(hs::hs049()), add(hs::hs050());
  add(hs::hs051()), add(hs::hs052()), add(hs::hs053()), add(hs::hs056());
  add(hs::hs060()), add(hs::hs061()), add(hs::hs063()), add(hs::hs064()), add(hs::hs065()), add(hs::hs066());
  add(hs::hs071()), add(hs::hs072()), add(hs::hs073()), add(hs::hs076()), add(hs::hs077()), add(hs::hs078());
  add(hs::hs079()), add(hs::hs080()), add(hs::hs081()), add(hs::hs083()), add(hs::hs093()), add(hs::hs100());
  add(hs::hs104()), add(hs::hs108()), add(hs::hs113());
  print_table();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
