// Test runs are quiet (set POWERTOOLS_LOG_LEVEL=DEBUG to see the services' logs), and the AWS SDK's
// notice about Node.js 20 is printed once by `npm start`, not in every test file.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
