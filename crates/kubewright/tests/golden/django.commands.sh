# Build the app's image ghcr.io/example/polls:2.3.1; run it in your app's own folder, the one with its Dockerfile. Give every build a new tag: a pushed tag should never change
docker build -t ghcr.io/example/polls:2.3.1 .

# Push it to the registry the cluster pulls from
docker push ghcr.io/example/polls:2.3.1

# Create the namespace polls that every other object lives in
kubectl apply -f namespace.yaml

# NetworkPolicy polls: the app's pods get only the traffic they need; enforced only by a network plugin that supports it (Calico, Cilium), ignored elsewhere
kubectl apply -n polls -f networkpolicy.yaml

# ServiceAccount polls: who the app's pods and Jobs run as, with no Kubernetes API token mounted
kubectl apply -n polls -f serviceaccount.yaml

# ConfigMap polls-env: the app's plain environment variables
kubectl apply -n polls -f configmap.yaml

# Secret polls-env-secret: the secret environment variables, applied from the file so no value lands in your shell history
kubectl apply -n polls -f secret.yaml

# Secret polls-db-credentials: the database password, read by the database itself; applied from the file, never typed on a command line
kubectl apply -n polls -f database-secret.yaml

# Install the CloudNativePG operator (once per cluster; skip if it is there): it turns Cluster objects into running PostgreSQL
helm upgrade --install cnpg cloudnative-pg --repo https://cloudnative-pg.github.io/charts --namespace cnpg-system --create-namespace --wait

# Cluster polls-db: PostgreSQL run by the operator, with the database and user from the Secret
kubectl apply -n polls -f database-cluster.yaml

# Wait until PostgreSQL accepts connections at polls-db-rw
kubectl wait -n polls --for=condition=Ready clusters.postgresql.cnpg.io/polls-db --timeout=10m

# Job polls-migrate-0: runs once, before the new code starts. `create`, not `apply`: a finished Job keeps its name, so bump the run number for the next run
kubectl create -n polls -f job-migrate.yaml

# Wait for Job polls-migrate-0 to succeed; if it fails this only times out: follow it with `kubectl logs -n polls -f job/polls-migrate-0` meanwhile: with restartPolicy OnFailure the pod is deleted once the retries run out (Never keeps failed pods and their logs)
kubectl wait -n polls --for=condition=complete job/polls-migrate-0 --timeout=10m

# Deployment polls: runs the app's pods and replaces them step by step on every change
kubectl apply -n polls -f deployment.yaml

# Service polls: one stable address in front of the ready pods
kubectl apply -n polls -f service.yaml

# HorizontalPodAutoscaler polls: keeps 2-6 pods, adding them when the pods' CPU use is above its target (needs metrics-server; `kubectl get hpa` shows its view)
kubectl apply -n polls -f hpa.yaml

# PodDisruptionBudget polls: a node drain or cluster upgrade waits rather than take down more of the app's pods than it allows
kubectl apply -n polls -f pdb.yaml

# CronJob polls-clearsessions: runs the app's image on its schedule (every day at 03:30, schedule `30 3 * * *`)
kubectl apply -n polls -f cronjob-clearsessions.yaml

# Try it now rather than wait for the schedule: a Job made from the CronJob's template (`kubectl delete -n polls job/polls-clearsessions-try` when done)
kubectl create job -n polls --from=cronjob/polls-clearsessions polls-clearsessions-try

# Wait until the rollout is done and the new pods are ready
kubectl rollout status -n polls deployment/polls

# Forward http://127.0.0.1:8080 to the app (Ctrl+C stops it)
kubectl port-forward -n polls service/polls 8080:80
