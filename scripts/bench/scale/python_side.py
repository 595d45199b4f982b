#!/usr/bin/env python3
"""The Python side of scripts/bench-scale: what a scikit-learn or xgboost user writes for the same job
as the generated Workbench config: read the CSV with pandas, a stratified 80/20 split, median / most
frequent imputation, standard scaling of numerics, one-hot categoricals, then the model, then
hold-out accuracy.

usage: python_side.py CSV logistic_regression|xgboost SEED [TREES]
prints one line: accuracy=... read=...s fit=...s
"""
import sys
import time

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

csv, model, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
trees = int(sys.argv[4]) if len(sys.argv) > 4 else 100

t0 = time.perf_counter()
df = pd.read_csv(csv)
t1 = time.perf_counter()
y = df.pop("y")
numeric = [c for c in df.columns if df[c].dtype.kind == "f"]
categorical = [c for c in df.columns if c not in numeric]
x_train, x_test, y_train, y_test = train_test_split(df, y, test_size=0.2, stratify=y, random_state=seed)
prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
    ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), categorical),
])
if model == "logistic_regression":
    estimator = LogisticRegression(max_iter=200)
elif model == "xgboost":
    from xgboost import XGBClassifier
    y_train = (y_train == "yes").astype(int)
    y_test = (y_test == "yes").astype(int)
    estimator = XGBClassifier(n_estimators=trees, max_depth=6, learning_rate=0.3, tree_method="hist",
                              n_jobs=2, random_state=seed)
else:
    sys.exit("unknown model " + model)
pipe = Pipeline([("prep", prep), ("model", estimator)])
pipe.fit(x_train, y_train)
t2 = time.perf_counter()
accuracy = (pipe.predict(x_test) == y_test.to_numpy()).mean()
print(f"accuracy={accuracy:.4f} read={t1 - t0:.2f}s fit={t2 - t1:.2f}s")
