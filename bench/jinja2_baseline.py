#!/usr/bin/env python3
"""The Jinja2 baseline for the render figure: the same task-api manifests from a template.

Renders examples/task-api/manifests.yaml from examples/task-api/spec.yaml with a Jinja2 template,
checks the bytes are identical, then prints two rates on one line each, as `name value`:
  jinja2_render_per_s      template.render(spec dict) only
  jinja2_pipeline_per_s    spec bytes -> yaml.safe_load (libyaml C loader when present) -> render
The template does what a hand-written Helm-style template does: no validation of any kind.
"""
import sys
import time

import jinja2
import yaml

TEMPLATE = r"""{%- set labels %}
  labels:
    app.kubernetes.io/name: {{ s.name }}
    app.kubernetes.io/managed-by: trafficspec
  annotations:
    trafficspec.io/spec: {{ s.name }}
{%- endset -%}
{%- for l in s.gateway.listeners if l.tls -%}
apiVersion: cert-manager.io/v1
kind: Issuer
metadata:
  name: {{ s.name }}-selfsigned
  namespace: {{ s.namespace }}{{ labels }}
spec:
  selfSigned: {}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: {{ l.tls.secret }}
  namespace: {{ s.namespace }}{{ labels }}
spec:
  secretName: {{ l.tls.secret }}
  commonName: {{ l.tls.certificate.dnsNames[0] }}
  dnsNames:
{%- for d in l.tls.certificate.dnsNames %}
  - {{ d }}
{%- endfor %}
  issuerRef:
    group: cert-manager.io
    kind: Issuer
    name: {{ s.name }}-selfsigned
---
{% endfor -%}
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: {{ s.name }}
  namespace: {{ s.namespace }}{{ labels }}
spec:
  gatewayClassName: {{ s.gateway.className }}
  listeners:
{%- for l in s.gateway.listeners %}
  - name: {{ l.name }}
    protocol: {{ l.protocol }}
    port: {{ l.port }}
{%- if l.tls %}
    tls:
      mode: Terminate
      certificateRefs:
      - group: ""
        kind: Secret
        name: {{ l.tls.secret }}
{%- endif %}
    allowedRoutes:
      namespaces:
        from: Same
{%- endfor %}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: {{ s.name }}
  namespace: {{ s.namespace }}{{ labels }}
spec:
  parentRefs:
  - group: gateway.networking.k8s.io
    kind: Gateway
    name: {{ s.name }}
  rules:
{%- for r in s.routes %}
  - name: {{ r.name }}
    matches:
    - path:
        type: PathPrefix
        value: {{ r.pathPrefix }}
    backendRefs:
{%- for b in r.backends %}
    - group: ""
      kind: Service
      name: {{ b.service }}
      port: {{ b.port }}
      weight: {{ b.weight | default(1) }}
{%- endfor %}
{%- endfor %}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: {{ s.name }}
  namespace: {{ s.namespace }}{{ labels }}
spec:
  targetRefs:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    name: {{ s.name }}
  rateLimit:
    local:
      rules:
      - clientSelectors:
        - headers:
          - name: {{ s.rateLimit.perUser.header }}
            type: Distinct
        limit:
          requests: {{ s.rateLimit.perUser.requests }}
          unit: {{ s.rateLimit.perUser.per | capitalize }}
      - clientSelectors:
        - headers:
          - name: {{ s.rateLimit.perUser.header }}
            type: RegularExpression
            value: .*
            invert: true
        limit:
          requests: {{ s.rateLimit.anonymous.requests }}
          unit: {{ s.rateLimit.anonymous.per | capitalize }}
  circuitBreaker:
    maxConnections: {{ s.circuitBreaker.maxConnections }}
    maxPendingRequests: {{ s.circuitBreaker.maxPendingRequests }}
    maxParallelRequests: {{ s.circuitBreaker.maxParallelRequests }}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ s.name }}
  namespace: {{ s.namespace }}{{ labels }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ s.autoscaling.deployment }}
  minReplicaCount: {{ s.autoscaling.replicas.min }}
  maxReplicaCount: {{ s.autoscaling.replicas.max }}
  triggers:
  - type: prometheus
    metadata:
      serverAddress: {{ s.autoscaling.prometheus.serverAddress }}
      query: {{ s.autoscaling.prometheus.query }}
      threshold: "{{ s.autoscaling.prometheus.threshold }}"
"""


def rate(function, seconds):
    """Calls per second of `function`, over about `seconds`, after a warm-up."""
    for _ in range(50):
        function()
    count, start = 0, time.perf_counter()
    while True:
        for _ in range(100):
            function()
        count += 100
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    spec_bytes = open("examples/task-api/spec.yaml", "rb").read()
    expected = open("examples/task-api/manifests.yaml", encoding="utf-8").read()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    template = jinja2.Environment(keep_trailing_newline=True).from_string(TEMPLATE)
    spec = yaml.load(spec_bytes, Loader=loader)
    output = template.render(s=spec)
    if output != expected:
        sys.stderr.write("jinja2 baseline: the template no longer reproduces examples/task-api/manifests.yaml\n")
        return 1
    print(f"jinja2_render_per_s {rate(lambda: template.render(s=spec), seconds):.0f}")
    print(f"jinja2_pipeline_per_s {rate(lambda: template.render(s=yaml.load(spec_bytes, Loader=loader)), seconds):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
