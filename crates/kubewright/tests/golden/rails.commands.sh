# Build the app's image ghcr.io/example/shop:1.0.0; run it in your app's own folder, the one with its Dockerfile. Give every build a new tag: a pushed tag should never change
docker build -t ghcr.io/example/shop:1.0.0 .

# Push it to the registry the cluster pulls from
docker push ghcr.io/example/shop:1.0.0

# Create the namespace shop that every other object lives in
kubectl apply -f namespace.yaml

# NetworkPolicy shop: the app's pods get only the traffic they need; enforced only by a network plugin that supports it (Calico, Cilium), ignored elsewhere
kubectl apply -n shop -f networkpolicy.yaml

# ServiceAccount shop: who the app's pods and Jobs run as, with no Kubernetes API token mounted
kubectl apply -n shop -f serviceaccount.yaml

# ConfigMap shop-env: the app's plain environment variables
kubectl apply -n shop -f configmap.yaml

# Secret shop-env-secret: the secret environment variables, applied from the file so no value lands in your shell history
kubectl apply -n shop -f secret.yaml

# Secret shop-db-credentials: the database password, read by the database itself; applied from the file, never typed on a command line
kubectl apply -n shop -f database-secret.yaml

# PostgreSQL from Bitnami's Helm chart; it reads the passwords from Secret shop-db-credentials and serves at shop-db-postgresql. Unpinned, a reinstall gets the newest chart. Every chart version's default image, a versioned docker.io/bitnami/postgresql tag, is gone: Bitnami moved those to docker.io/bitnamilegacy in 2025 (bitnami/containers#83267), so the pod would stay in ImagePullBackOff. To run that frozen copy, which gets no more updates, add --set image.repository=bitnamilegacy/postgresql --set global.security.allowInsecureImages=true (charts 16.3.0 to 16.7.24 refuse the substitute without the second, bitnami/charts#30850; later ones only warn); for anything lasting, use CloudNativePG instead
helm upgrade --install shop-db oci://registry-1.docker.io/bitnamicharts/postgresql --namespace shop --set-string auth.username=shop --set-string auth.database=shop_production --set-string auth.existingSecret=shop-db-credentials --wait

# Job shop-migrate-0: runs once, before the new code starts. `create`, not `apply`: a finished Job keeps its name, so bump the run number for the next run
kubectl create -n shop -f job-migrate.yaml

# Wait for Job shop-migrate-0 to succeed; if it fails this only times out: follow it with `kubectl logs -n shop -f job/shop-migrate-0` meanwhile: with restartPolicy OnFailure the pod is deleted once the retries run out (Never keeps failed pods and their logs)
kubectl wait -n shop --for=condition=complete job/shop-migrate-0 --timeout=10m

# Deployment shop: runs the app's pods and replaces them step by step on every change
kubectl apply -n shop -f deployment.yaml

# Service shop: one stable address in front of the ready pods
kubectl apply -n shop -f service.yaml

# HorizontalPodAutoscaler shop: keeps 2-6 pods, adding them when the pods' CPU use is above its target (needs metrics-server; `kubectl get hpa` shows its view)
kubectl apply -n shop -f hpa.yaml

# PodDisruptionBudget shop: a node drain or cluster upgrade waits rather than take down more of the app's pods than it allows
kubectl apply -n shop -f pdb.yaml

# Wait until the rollout is done and the new pods are ready
kubectl rollout status -n shop deployment/shop

# Watch for the cloud load balancer's EXTERNAL-IP (Ctrl+C once it shows)
kubectl get service -n shop shop --watch
