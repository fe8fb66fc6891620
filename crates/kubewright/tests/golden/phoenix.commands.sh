# Build the app's image ghcr.io/example/hello:0.1.0. Give every build a new tag: a pushed tag should never change
docker build -t ghcr.io/example/hello:0.1.0 .

# Push it to the registry the cluster pulls from
docker push ghcr.io/example/hello:0.1.0

# Create the namespace hello that every other object lives in
kubectl apply -f namespace.yaml

# ServiceAccount hello: who the app's pods and Jobs run as, with no Kubernetes API token mounted
kubectl apply -n hello -f serviceaccount.yaml

# ConfigMap hello-env: the app's plain environment variables
kubectl apply -n hello -f configmap.yaml

# Secret hello-env-secret: the secret environment variables, applied from the file so no value lands in your shell history
kubectl apply -n hello -f secret.yaml

# Secret hello-db-credentials: the database password, read by the database itself; applied from the file, never typed on a command line
kubectl apply -n hello -f database-secret.yaml

# Install the CloudNativePG operator (once per cluster; skip if it is there): it turns Cluster objects into running PostgreSQL
helm upgrade --install cnpg cloudnative-pg --repo https://cloudnative-pg.github.io/charts --namespace cnpg-system --create-namespace --wait

# Cluster hello-db: PostgreSQL run by the operator, with the database and user from the Secret
kubectl apply -n hello -f database-cluster.yaml

# Wait until PostgreSQL accepts connections at hello-db-rw
kubectl wait -n hello --for=condition=Ready clusters.postgresql.cnpg.io/hello-db --timeout=10m

# Job hello-migrate-0: runs once, before the new code starts. `create`, not `apply`: a finished Job keeps its name, so bump the run number for the next run
kubectl create -n hello -f job-migrate.yaml

# Wait for Job hello-migrate-0 to succeed; if it fails this only times out: follow it with `kubectl logs -n hello -f job/hello-migrate-0` meanwhile: with restartPolicy OnFailure the pod is deleted once the retries run out (Never keeps failed pods and their logs)
kubectl wait -n hello --for=condition=complete job/hello-migrate-0 --timeout=10m

# Deployment hello: runs the app's pods and replaces them step by step on every change
kubectl apply -n hello -f deployment.yaml

# Service hello: one stable address in front of the ready pods
kubectl apply -n hello -f service.yaml

# Service hello-headless: headless, so its DNS name lists every pod's IP and the pods can find each other
kubectl apply -n hello -f service-headless.yaml

# Wait until the rollout is done and the new pods are ready
kubectl rollout status -n hello deployment/hello

# Watch for the cloud load balancer's EXTERNAL-IP (Ctrl+C once it shows)
kubectl get service -n hello hello --watch
