"""Optuna's TPE and random samplers on Branin and Hartmann-6, same seeds and budget; JSON to stdout.
Called by bench/hpo.ts when Debian's python3-optuna is installed."""
import json, math, sys, time
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
seeds, budget = int(sys.argv[1]), int(sys.argv[2])
names = sys.argv[3].split(',') if len(sys.argv) > 3 else ['branin', 'hartmann6']

def branin(t):
    x1, x2 = t.suggest_float('x1', -5, 10), t.suggest_float('x2', 0, 15)
    b, c, tt = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - tt) * math.cos(x1) + 10

A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[v * 1e-4 for v in r] for r in [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]]
ALPHA = [1, 1.2, 3, 3.2]

def hartmann6(t):
    x = [t.suggest_float(f'x{i + 1}', 0, 1) for i in range(6)]
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))) for i in range(4))

fns = {'branin': ('Branin', branin), 'hartmann6': ('Hartmann-6', hartmann6)}
runs = []
for key in names:
    label, f = fns[key]
    for method in ['optuna-tpe', 'optuna-random']:
        for seed in range(1, seeds + 1):
            sampler = optuna.samplers.TPESampler(seed=seed, multivariate=True) if method == 'optuna-tpe' else optuna.samplers.RandomSampler(seed=seed)
            study = optuna.create_study(sampler=sampler, direction='minimize')
            study.optimize(f, n_trials=budget)
            runs.append({'fn': label, 'method': method, 'seed': seed, 'values': [t.value for t in study.trials], 'askMs': []})
print(json.dumps(runs))
