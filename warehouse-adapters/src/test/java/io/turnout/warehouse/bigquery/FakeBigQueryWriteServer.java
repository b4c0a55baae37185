package io.turnout.warehouse.bigquery;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteGrpc;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamResponse;
import com.google.cloud.bigquery.storage.v1.GetWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.StorageError;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Int64Value;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * An in-process gRPC server that answers like the BigQuery Storage Write API: pending
 * streams whose rows become visible on commit, appends at explicit offsets (an offset
 * already written is refused with {@code OFFSET_ALREADY_EXISTS}, as BigQuery does), and a
 * switch that breaks the connection after storing an append, as a lost answer would.
 */
final class FakeBigQueryWriteServer extends BigQueryWriteGrpc.BigQueryWriteImplBase implements AutoCloseable {

	private final String name = "bigquery-write-" + UUID.randomUUID();

	private final Server server;

	private final ManagedChannel channel;

	private final Map<String, Stream> streams = new ConcurrentHashMap<>();

	private final List<Stream> created = new CopyOnWriteArrayList<>();

	private final AtomicInteger appendsToBreak = new AtomicInteger();

	private final AtomicInteger refusedOffsets = new AtomicInteger();

	FakeBigQueryWriteServer() throws IOException {
		this.server = InProcessServerBuilder.forName(this.name).directExecutor().addService(this).build().start();
		this.channel = InProcessChannelBuilder.forName(this.name).directExecutor().build();
	}

	BigQueryWriteClient client() throws IOException {
		return BigQueryWriteClient.create(BigQueryWriteSettings.newBuilder()
			.setCredentialsProvider(NoCredentialsProvider.create())
			.setTransportChannelProvider(
					FixedTransportChannelProvider.create(GrpcTransportChannel.create(this.channel)))
			.build());
	}

	/**
	 * Breaks the connection after storing each of the next appends, without answering.
	 */
	void breakConnectionAfterStoring(int appends) {
		this.appendsToBreak.set(appends);
	}

	/** The streams created, in order. */
	List<Stream> streams() {
		return List.copyOf(this.created);
	}

	/** How many appends were refused because their offset was already written. */
	int refusedOffsets() {
		return this.refusedOffsets.get();
	}

	@Override
	public void createWriteStream(CreateWriteStreamRequest request, StreamObserver<WriteStream> responses) {
		String streamName = request.getParent() + "/streams/" + UUID.randomUUID();
		Stream stream = new Stream(request.getParent(), request.getWriteStream().getType());
		this.streams.put(streamName, stream);
		this.created.add(stream);
		responses.onNext(writeStream(streamName, stream));
		responses.onCompleted();
	}

	@Override
	public void getWriteStream(GetWriteStreamRequest request, StreamObserver<WriteStream> responses) {
		Stream stream = this.streams.get(request.getName());
		if (stream == null) {
			responses.onError(Status.NOT_FOUND.withDescription(request.getName()).asRuntimeException());
			return;
		}
		responses.onNext(writeStream(request.getName(), stream));
		responses.onCompleted();
	}

	@Override
	public StreamObserver<AppendRowsRequest> appendRows(StreamObserver<AppendRowsResponse> responses) {
		return new StreamObserver<>() {

			private String streamName;

			private Descriptors.Descriptor descriptor;

			@Override
			public void onNext(AppendRowsRequest request) {
				if (!request.getWriteStream().isEmpty()) {
					this.streamName = request.getWriteStream();
				}
				if (request.getProtoRows().hasWriterSchema()) {
					this.descriptor = descriptorOf(request.getProtoRows().getWriterSchema().getProtoDescriptor());
				}
				Stream stream = FakeBigQueryWriteServer.this.streams.get(this.streamName);
				long offset = request.hasOffset() ? request.getOffset().getValue() : stream.rows.size();
				if (offset < stream.rows.size()) {
					FakeBigQueryWriteServer.this.refusedOffsets.incrementAndGet();
					responses.onNext(AppendRowsResponse.newBuilder()
						.setWriteStream(this.streamName)
						.setError(com.google.rpc.Status.newBuilder()
							.setCode(Status.Code.ALREADY_EXISTS.value())
							.setMessage("The offset is within stream, expected offset " + stream.rows.size()
									+ ", received " + offset)
							.addDetails(Any.pack(StorageError.newBuilder()
								.setCode(StorageError.StorageErrorCode.OFFSET_ALREADY_EXISTS)
								.setEntity(this.streamName)
								.setErrorMessage("offset already exists")
								.build())))
						.build());
					return;
				}
				for (ByteString row : request.getProtoRows().getRows().getSerializedRowsList()) {
					stream.rows.add(json(this.descriptor, row));
				}
				if (FakeBigQueryWriteServer.this.appendsToBreak.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
					responses.onError(Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException());
					return;
				}
				responses.onNext(AppendRowsResponse.newBuilder()
					.setWriteStream(this.streamName)
					.setAppendResult(AppendRowsResponse.AppendResult.newBuilder().setOffset(Int64Value.of(offset)))
					.build());
			}

			@Override
			public void onError(Throwable failure) {
			}

			@Override
			public void onCompleted() {
				responses.onCompleted();
			}

		};
	}

	@Override
	public void finalizeWriteStream(FinalizeWriteStreamRequest request,
			StreamObserver<FinalizeWriteStreamResponse> responses) {
		Stream stream = this.streams.get(request.getName());
		stream.finalized = true;
		responses.onNext(FinalizeWriteStreamResponse.newBuilder().setRowCount(stream.rows.size()).build());
		responses.onCompleted();
	}

	@Override
	public void batchCommitWriteStreams(BatchCommitWriteStreamsRequest request,
			StreamObserver<BatchCommitWriteStreamsResponse> responses) {
		BatchCommitWriteStreamsResponse.Builder response = BatchCommitWriteStreamsResponse.newBuilder();
		boolean all = true;
		for (String streamName : request.getWriteStreamsList()) {
			Stream stream = this.streams.get(streamName);
			if (stream == null || !stream.finalized) {
				all = false;
				response.addStreamErrors(StorageError.newBuilder()
					.setCode(StorageError.StorageErrorCode.STREAM_NOT_FOUND)
					.setEntity(streamName));
			}
		}
		if (all) {
			request.getWriteStreamsList().forEach(streamName -> this.streams.get(streamName).committed = true);
			response.setCommitTime(Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000));
		}
		responses.onNext(response.build());
		responses.onCompleted();
	}

	private static WriteStream writeStream(String name, Stream stream) {
		return WriteStream.newBuilder().setName(name).setType(stream.type).setLocation("EU").build();
	}

	private static Descriptors.Descriptor descriptorOf(DescriptorProtos.DescriptorProto proto) {
		try {
			return Descriptors.FileDescriptor
				.buildFrom(DescriptorProtos.FileDescriptorProto.newBuilder().addMessageType(proto).build(),
						new Descriptors.FileDescriptor[0])
				.getMessageTypes()
				.get(0);
		}
		catch (Descriptors.DescriptorValidationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String json(Descriptors.Descriptor descriptor, ByteString row) {
		try {
			return JsonFormat.printer()
				.preservingProtoFieldNames()
				.omittingInsignificantWhitespace()
				.print(DynamicMessage.parseFrom(descriptor, row));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
		this.server.shutdownNow();
	}

	/** One write stream: its table, type and rows; visible once committed. */
	static final class Stream {

		final String table;

		final WriteStream.Type type;

		final List<String> rows = new CopyOnWriteArrayList<>();

		volatile boolean finalized;

		volatile boolean committed;

		Stream(String table, WriteStream.Type type) {
			this.table = table;
			this.type = type;
		}

	}

}
