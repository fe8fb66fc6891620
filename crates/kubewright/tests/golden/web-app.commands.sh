# Build the app's image ghcr.io/example/web:1.0.0; run it in your app's own folder, the one with its Dockerfile. Give every build a new tag: a pushed tag should never change
docker build -t ghcr.io/example/web:1.0.0 .

# Push it to the registry the cluster pulls from
docker push ghcr.io/example/web:1.0.0

# Create the namespace web that every other object lives in
kubectl apply -f namespace.yaml

# NetworkPolicy web: the app's pods get only the traffic they need; enforced only by a network plugin that supports it (Calico, Cilium), ignored elsewhere
kubectl apply -n web -f networkpolicy.yaml

# ServiceAccount web: who the app's pods and Jobs run as, with no Kubernetes API token mounted
kubectl apply -n web -f serviceaccount.yaml

# ConfigMap web-env: the app's plain environment variables
kubectl apply -n web -f configmap.yaml

# Secret web-env-secret: the secret environment variables, applied from the file so no value lands in your shell history
kubectl apply -n web -f secret.yaml

# Job web-migrate-0: runs once, before the new code starts. `create`, not `apply`: a finished Job keeps its name, so bump the run number for the next run
kubectl create -n web -f job-migrate.yaml

# Wait for Job web-migrate-0 to succeed; if it fails this only times out: follow it with `kubectl logs -n web -f job/web-migrate-0` meanwhile: with restartPolicy OnFailure the pod is deleted once the retries run out (Never keeps failed pods and their logs)
kubectl wait -n web --for=condition=complete job/web-migrate-0 --timeout=10m

# Deployment web: runs the app's pods and replaces them step by step on every change
kubectl apply -n web -f deployment.yaml

# Service web: one stable address in front of the ready pods
kubectl apply -n web -f service.yaml

# Wait until the rollout is done and the new pods are ready
kubectl rollout status -n web deployment/web

# Forward http://127.0.0.1:8080 to the app (Ctrl+C stops it)
kubectl port-forward -n web service/web 8080:80
