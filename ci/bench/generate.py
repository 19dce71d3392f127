#!/usr/bin/env python3
"""Writes a large, realistic, deterministic manifest stream for Bosun's benchmarks.

Usage: generate.py MEGABYTES > stream.yaml
Each application contributes a Deployment, a Service, a ConfigMap and an HPA, with the usual
labels, probes, resources and environment. No randomness: the same size gives the same bytes.
"""
import sys

TEMPLATE = """---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-{i}-config
  namespace: team-{ns}
  labels:
    app.kubernetes.io/name: app-{i}
    app.kubernetes.io/part-of: shop
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "checkout,search,recommendations"
  settings.json: |
    {{"replicas": {r}, "timeoutSeconds": 30, "retries": 3}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{i}
  namespace: team-{ns}
  labels:
    app.kubernetes.io/name: app-{i}
    app.kubernetes.io/part-of: shop
    app.kubernetes.io/version: "1.{i}.0"
  annotations:
    example.com/owner: team-{ns}
spec:
  replicas: {r}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: app-{i}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: app-{i}
        app.kubernetes.io/part-of: shop
    spec:
      serviceAccountName: default
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: app
          image: registry.example.com/shop/app-{i}:1.{i}.0
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
            - name: metrics
              containerPort: 9090
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: CACHE_SIZE
              value: "{cache}"
          envFrom:
            - configMapRef:
                name: app-{i}-config
          resources:
            requests:
              cpu: {cpu}m
              memory: {mem}Mi
            limits:
              cpu: "2"
              memory: {memlimit}Mi
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
            failureThreshold: 3
          livenessProbe:
            httpGet:
              path: /live
              port: http
            initialDelaySeconds: 10
            periodSeconds: 10
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {{}}
---
apiVersion: v1
kind: Service
metadata:
  name: app-{i}
  namespace: team-{ns}
  labels:
    app.kubernetes.io/name: app-{i}
spec:
  selector:
    app.kubernetes.io/name: app-{i}
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: app-{i}
  namespace: team-{ns}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: app-{i}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
"""


def main() -> None:
    target = int(float(sys.argv[1]) * 1_000_000) if len(sys.argv) > 1 else 20_000_000
    written = 0
    i = 0
    out = sys.stdout
    while written < target:
        text = TEMPLATE.format(
            i=i, ns=i % 17, r=2 + i % 5, cache=64 * (1 + i % 8), cpu=100 + 50 * (i % 6),
            mem=128 * (1 + i % 4), memlimit=256 * (1 + i % 4))
        out.write(text)
        written += len(text)
        i += 1


if __name__ == "__main__":
    main()
