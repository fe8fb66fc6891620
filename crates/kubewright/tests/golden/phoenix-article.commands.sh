# Point docker at Minikube's Docker daemon, so the image is built right on the node (imagePullPolicy: Never never pulls)
eval $(minikube docker-env)

# Build the app's image kube-native:latest inside Minikube; run it in your app's own folder, the one with its Dockerfile. Same tag every build: after a rebuild, `kubectl rollout restart -n kube-native deployment/kube-native` (or use a new tag)
docker build -t kube-native:latest .

# Create the namespace kube-native that every other object lives in
kubectl apply -f namespace.yaml

# ServiceAccount kube-native: who the app's pods and Jobs run as, with no Kubernetes API token mounted
kubectl apply -n kube-native -f serviceaccount.yaml

# ConfigMap kube-native-env: the app's plain environment variables
kubectl apply -n kube-native -f configmap.yaml

# Secret kube-native-env-secret: the secret environment variables, applied from the file so no value lands in your shell history
kubectl apply -n kube-native -f secret.yaml

# Secret kube-native-credentials: the database password, read by the database itself; applied from the file, never typed on a command line
kubectl apply -n kube-native -f database-secret.yaml

# PostgreSQL from Bitnami's Helm chart; it reads the passwords from Secret kube-native-credentials and serves at kube-native-postgresql. Unpinned, a reinstall gets the newest chart. It runs Bitnami's frozen image copy from docker.io/bitnamilegacy (the chart's default images are gone from Docker Hub since 2025, bitnami/containers#83267; charts 16.3.0 to 16.7.24 need allowInsecureImages to accept it, bitnami/charts#30850): it gets no more security updates, so for anything lasting use CloudNativePG instead
helm upgrade --install kube-native oci://registry-1.docker.io/bitnamicharts/postgresql --namespace kube-native --set-string auth.username=kube_native --set-string auth.database=kube_native --set-string auth.existingSecret=kube-native-credentials --set image.repository=bitnamilegacy/postgresql --set global.security.allowInsecureImages=true --wait

# Job kube-native-migration-0: runs once, before the new code starts. `create`, not `apply`: a finished Job keeps its name, so bump the run number for the next run
kubectl create -n kube-native -f job-migration.yaml

# Wait for Job kube-native-migration-0 to succeed; if it fails this only times out: follow it with `kubectl logs -n kube-native -f job/kube-native-migration-0` meanwhile: with restartPolicy OnFailure the pod is deleted once the retries run out (Never keeps failed pods and their logs)
kubectl wait -n kube-native --for=condition=complete job/kube-native-migration-0 --timeout=10m

# Deployment kube-native: runs the app's pods and replaces them step by step on every change
kubectl apply -n kube-native -f deployment.yaml

# Service kube-native: one stable address in front of the ready pods
kubectl apply -n kube-native -f service.yaml

# Wait until the rollout is done and the new pods are ready
kubectl rollout status -n kube-native deployment/kube-native

# Print the app's URL through the NodePort
minikube service -n kube-native kube-native --url
